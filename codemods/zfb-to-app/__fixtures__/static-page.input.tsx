export function getStaticProps() {
  return { props: { title: 'About' } };
}

export default function About({ title }: { title: string }) {
  return <h1>{title}</h1>;
}
