async function getStaticPaths({ locales }) {
  return {
    paths: [
      { params: { slug: 'hello' } },
      { params: { slug: 'hello' }, locale: 'fr' },
      { params: { slug: 'bonjour' }, locale: 'fr' },
      { params: { slug: 'welcome' } },
    ],
    fallback: false,
  };
}

async function getStaticProps({ params, locale }) {
  return { props: { slug: params.slug, locale } };
}

/**
 * The URLs zfb builds: the entries of getStaticPaths, each under its locale (the default one when it has none),
 * each with the props getStaticProps gives it.
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /blog/[slug] beside /en/blog/[slug]; zfb builds only /en/blog/[slug], so /blog/[slug] now gets a 404 unless your host redirects it (e.g. public/_redirects) */
export async function paths() {
  const { paths: listed } = await getStaticPaths({ locales: ['en', 'fr'], defaultLocale: 'en' });
  const seen = new Set<string>();
  const entries = [];
  for (const path of listed) {
    const { locale, params } = { locale: (path as { locale?: string }).locale || 'en', params: { slug: path.params.slug } };
    const key = JSON.stringify([locale, params]);
    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await getStaticProps({ params, locale, locales: ['en', 'fr'], defaultLocale: 'en' });
    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
    if (!('props' in result)) continue;
    entries.push({ params: { locale, ...params }, props: await result.props });
  }
  return entries;
}

export default function Post({ slug, locale }) {
  return <p lang={locale}>{slug}</p>;
}
