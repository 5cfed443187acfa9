async function getStaticPaths({ locales }) {
  return {
    paths: locales.flatMap((locale) => [
      { params: { slug: [] }, locale },
      { params: { slug: ['guide', 'install'] }, locale },
    ]),
    fallback: false,
  };
}

/**
 * The URLs zfb builds: the entries of getStaticPaths, each under its locale (the default one when it has none).
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
/* @zfb-next-todo: Next also served the default locale 'en-US' without its prefix, at /docs/[[...slug]] beside /en-US/docs/[[...slug]]; zfb builds only /en-US/docs/[[...slug]], so /docs/[[...slug]] now gets a 404 unless your host redirects it (e.g. public/_redirects) */
export async function paths() {
  const { paths: listed } = await getStaticPaths({ locales: ['en-US', 'fr'], defaultLocale: 'en-US' });
  const seen = new Set();
  const entries = [];
  for (const path of listed) {
    const { locale, params } = typeof path === 'string' ? entryFromPath(path) : { locale: path.locale || 'en-US', params: { slug: path.params.slug || [] } };
    const key = JSON.stringify([locale, params]);
    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params: { locale, ...params } });
  }
  return entries;
}

/** A getStaticPaths string path into its locale and this page's params, read the way Next.js reads them. */
function entryFromPath(path) {
  // A known locale prefix (in any letter case) is the entry's locale; a path without one is the default locale's.
  const prefix = /^\/(en\-US|fr)(?=\/|$)/i.exec(path);
  const locale = prefix ? ['en-US', 'fr'].find((l) => l.toLowerCase() === prefix[1].toLowerCase()) : 'en-US';
  const pathname = prefix ? path.slice(prefix[0].length) || '/' : path;
  const match = /^\/docs(?:\/(.+?))?(?:\/)?$/.exec(pathname);
  if (!match) throw new Error(`The provided path \`${path}\` does not match the page: \`/docs/[[...slug]]\`.`);
  return { locale, params: { slug: match[1] ? match[1].split('/').map(decodeURIComponent) : [] } };
}

export default function Docs() {
  return <p>docs</p>;
}
