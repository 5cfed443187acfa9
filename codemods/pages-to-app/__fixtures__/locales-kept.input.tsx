export async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: 'hello' }, locale: 'fr' },
      { params: { slug: 'hello' } },
      '/fr/blog/bonjour',
    ],
    fallback: false,
  };
}

export async function getStaticProps({ params, locale }) {
  return { props: { slug: params.slug, locale } };
}

export default function Page({ slug, locale }) {
  return <p lang={locale}>{slug}</p>;
}
