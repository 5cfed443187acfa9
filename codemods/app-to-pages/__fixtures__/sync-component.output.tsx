function generateStaticParams() {
  return [{ slug: 'a' }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps() {
  return { props: {} };
}

export default function Page() {
  return <p>Always the same</p>;
}
