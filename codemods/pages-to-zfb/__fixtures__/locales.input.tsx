export async function getStaticPaths({ locales }) {
  return {
    paths: [
      { params: { slug: 'hello' } },
      { params: { slug: 'hello' }, locale: 'fr' },
      '/fr/blog/bonjour',
      '/blog/welcome',
    ],
    fallback: false,
  };
}

export async function getStaticProps({ params, locale }) {
  return { props: { slug: params.slug, locale } };
}

export default function Post({ slug, locale }) {
  return <p lang={locale}>{slug}</p>;
}
