export async function getStaticPaths({ locales }) {
  return {
    paths: locales.flatMap((locale) => [
      { params: { slug: [] }, locale },
      { params: { slug: ['guide', 'install'] }, locale },
    ]),
    fallback: false,
  };
}

export default function Docs() {
  return <p>docs</p>;
}
