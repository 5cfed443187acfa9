export async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: null }, locale: 'fr' },
      { params: { slug: false } },
      { params: { slug: ['a', 'b'] }, locale: 'en' },
    ],
    fallback: false,
  };
}

export default function Docs() {
  return <p>docs</p>;
}
