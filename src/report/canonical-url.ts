import { escapePathDelimiters, removeTrailingSlash } from '../model/encode.js';

/**
 * The one form in which URLs from different sides are compared.
 *
 * The engines write the same page under different spellings:
 * - Next.js (prerender-manifest keys, `out/` file names, `Entry.url` of next-* routes) writes each segment
 *   decoded, with only the path delimiters `/ # ? \` (and already-encoded `%2F %23 %3F %5C`) escaped by
 *   `escapePathDelimiters` (shared/lib/router/utils/escape-path-delimiters.ts): `/posts/hello world`, `/p/x%2Fy`.
 * - zfb (`__zfb/routes.json` `url`, `Entry.url` of zfb routes) writes param values raw (real builds:
 *   test/zfb/conformance.test.ts): `/posts/hello world`. A zfb segment can never contain `/`, `?` or `#` (the route is skipped or the
 *   build fails), but it can contain `\` or a literal `%2f`.
 *
 * The canonical form is Next's: segments decoded, delimiters escaped, no trailing slash. A Next URL is
 * therefore kept as written, and a zfb URL gets `escapePathDelimiters` applied to each of its segments, so
 * `/b/hello world` from either engine compares equal, and a zfb `a\b` meets Next's `a%5Cb`.
 */
export function canonicalUrl(url: string, writtenBy: 'next' | 'zfb'): string {
  // Most URLs are already canonical; checking is much cheaper than rebuilding 100,000 strings.
  if (isPlain(url)) return url;
  const withSlash = url.startsWith('/') ? url : `/${url}`;
  if (writtenBy === 'next') return removeTrailingSlash(withSlash);
  const segments = withSlash.split('/').slice(1).filter((segment) => segment !== '');
  return removeTrailingSlash('/' + segments.map((segment) => escapePathDelimiters(segment)).join('/'));
}

const NEEDS_WORK = /[#?\\%]|\/\/|.\/$/;

function isPlain(url: string): boolean {
  return url.charCodeAt(0) === 47 /* / */ && !NEEDS_WORK.test(url);
}

/**
 * The URL an export tree file serves, as Next writes export file names (pathname form):
 * `index.html` → `/`, `x/index.html` → `/x` (trailingSlash: true), `x.html` → `/x`.
 * Returns undefined for anything that is not an `.html` page.
 */
export function urlFromHtmlFile(relativeFile: string): string | undefined {
  const file = relativeFile.replace(/\\/g, '/');
  if (!file.endsWith('.html')) return undefined;
  const withoutExtension = file.slice(0, -'.html'.length);
  if (withoutExtension === 'index') return '/';
  if (withoutExtension.endsWith('/index')) return '/' + withoutExtension.slice(0, -'/index'.length);
  return '/' + withoutExtension;
}

/**
 * Error and internal pages are not URLs a site serves on purpose, and every engine has its own set
 * (Next always writes /404 and /500, zfb only when pages/404.tsx exists), so no side reports them.
 */
const NOT_SITE_URLS = new Set(['/404', '/500', '/_not-found', '/_error', '/_global-error', '/_app', '/_document']);

export function isSiteUrl(url: string): boolean {
  return !NOT_SITE_URLS.has(url);
}

/** Plain code-unit order: the same on every machine and locale, so reports are byte-stable. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
