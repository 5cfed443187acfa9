import type { GetStaticPaths, GetStaticProps } from 'next';
import { allPosts } from '../../../lib/posts';

// Prefixed strings (any letter case), an unprefixed one (the default locale) and a computed list.
const getStaticPaths: GetStaticPaths = async ({ locales }) => {
  return {
    paths: [{ params: { slug: 'bonjour' }, locale: 'fr' }, { params: { slug: 'salut' }, locale: 'fr' }, { params: { slug: 'welcome' } }, ...allPosts.map((p) => `/${p.locale}/blog/${p.slug}`)],
    fallback: false,
  };
};

const getStaticProps: GetStaticProps = async ({ params, locale, defaultLocale }) => {
  return { props: { slug: params!.slug, locale, isDefault: locale === defaultLocale } };
};

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
    const { locale, params } = typeof path === 'string' ? entryFromPath(path) : { locale: (path as { locale?: string }).locale || 'en', params: { slug: path.params.slug } };
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

/** A getStaticPaths string path into its locale and this page's params, read the way Next.js reads them. */
function entryFromPath(path: string) {
  // A known locale prefix (in any letter case) is the entry's locale; a path without one is the default locale's.
  const prefix = /^\/(en|fr)(?=\/|$)/i.exec(path);
  const locale = prefix ? ['en', 'fr'].find((l) => l.toLowerCase() === prefix[1]!.toLowerCase())! : 'en';
  const pathname = prefix ? path.slice(prefix[0].length) || '/' : path;
  const match = /^\/blog\/([^/]+?)(?:\/)?$/.exec(pathname);
  if (!match) throw new Error(`The provided path \`${path}\` does not match the page: \`/blog/[slug]\`.`);
  return { locale, params: { slug: decodeURIComponent(match[1]!) } };
}

export default function Post({ slug, locale }: { slug: string; locale: string }) {
  return <p lang={locale}>{slug}</p>;
}
