async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: 'hello' } },
      /* @zfb-next-todo: zfb has no i18n: Next built this entry for locale 'fr' (under /fr); zfb builds it once, without a locale prefix */
      { params: { slug: 'hello' } },
    ],
    fallback: false,
  };
}

async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

/**
 * The URLs zfb builds: the entries of getStaticPaths, each with the props getStaticProps gives it.
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
export async function paths() {
  const { paths: listed } = await getStaticPaths({ locales: [], defaultLocale: undefined });
  const seen = new Set<string>();
  const entries = [];
  for (const path of listed) {
    const params = { slug: path.params.slug };
    const key = JSON.stringify(params);
    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await getStaticProps({ params });
    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
    if (!('props' in result)) continue;
    entries.push({ params, props: await result.props });
  }
  return entries;
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
