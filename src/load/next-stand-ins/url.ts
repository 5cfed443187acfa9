import { getRenderContext } from './render-context.js';

/** Next's `UrlObject` form of an href (`{ pathname: '/blog/[slug]', query: { slug: 'a' } }`). */
export interface UrlObject {
  pathname?: string | null;
  query?: Record<string, unknown> | string | null;
  hash?: string | null;
  search?: string | null;
}

/**
 * An href as a string. Pages-router style `[param]` segments in `pathname` are filled from `query`, and
 * the values used there leave the query string (shared/lib/router/utils/interpolate-as.ts does the same).
 */
export function formatHref(href: string | UrlObject): string {
  if (typeof href === 'string') return href;
  const query = typeof href.query === 'string' ? Object.fromEntries(new URLSearchParams(href.query)) : { ...(href.query ?? {}) };
  let pathname = href.pathname ?? '';
  pathname = pathname.replace(/\[\[?(\.\.\.)?([^\]]+)\]\]?/g, (_match, rest: string | undefined, name: string) => {
    const value = query[name];
    delete query[name];
    if (value === undefined) return '';
    const parts = Array.isArray(value) ? value.map(String) : [String(value)];
    return (rest ? parts : parts.slice(0, 1)).map(encodeURIComponent).join('/');
  });
  pathname = pathname.replace(/\/+$/, '') || (pathname ? '/' : '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) params.append(key, String(one));
  }
  const search = href.search ?? (params.size > 0 ? `?${params}` : '');
  const hash = href.hash ? (href.hash.startsWith('#') ? href.hash : `#${href.hash}`) : '';
  return `${pathname}${search}${hash}`;
}

/** basePath and, for a pages-router i18n site, the locale prefix (none for the default locale). */
export function withSitePrefix(href: string, locale?: string | false): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const context = getRenderContext();
  const basePath = context?.basePath ?? '';
  const chosen = locale === false ? undefined : (locale ?? context?.locale);
  const prefix = chosen && context?.locales?.length && chosen !== context.defaultLocale ? `/${chosen}` : '';
  const path = prefix && href === '/' ? '' : href;
  return withTrailingSlash(`${basePath}${prefix}${path}` || '/', context?.trailingSlash);
}

/**
 * client/normalize-trailing-slash.ts: with `trailingSlash: true` a path gets its slash (a file name with an
 * extension does not), with `false` it loses it; the query and hash stay as they are.
 */
function withTrailingSlash(href: string, trailingSlash: boolean | undefined): string {
  if (trailingSlash === undefined) return href;
  const cut = href.search(/[?#]/);
  const pathname = cut < 0 ? href : href.slice(0, cut);
  const rest = cut < 0 ? '' : href.slice(cut);
  if (pathname === '/' || pathname === '') return href;
  const bare = pathname.replace(/\/+$/, '');
  const withSlash = trailingSlash && !/\.[^/]+$/.test(bare) ? `${bare}/` : bare;
  return withSlash + rest;
}
