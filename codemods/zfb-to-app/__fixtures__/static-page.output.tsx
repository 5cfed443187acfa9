function getStaticProps() {
  return { props: { title: 'About' } };
}

/** zfb calls a static page's getStaticProps() with no argument and spreads its props into the component. */
export default async function Page() {
  const result: any = await getStaticProps();
  return <About {...result.props} />;
}

function About({ title }: { title: string }) {
  return <h1>{title}</h1>;
}
