export async function getStaticPaths({ locales }) {
  return {
    paths: locales.map((locale) => ({ params: { slug: 'home' }, locale })),
    fallback: false,
  };
}

export default function Page() {
  return <p>home</p>;
}
