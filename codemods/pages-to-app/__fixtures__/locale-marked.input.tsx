export async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: 'hello' }, locale: 'fr' },
      { params: { slug: 'world' } },
    ],
    fallback: false,
  };
}

export default function Page() {
  return <p>hi</p>;
}
