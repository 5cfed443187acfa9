import { getRouteMatcher, getRouteRegex } from './next-route-matcher.js';
import type { Entry } from './types.js';

/**
 * export/helpers/get-params.ts (the same in next@13.5.11 through 16.5.0): before a dynamic page is
 * prerendered, its path must match the page's own route regex, or `next build` fails. A params object
 * can build a path that does not: `{ id: '' }` for `/e/[id]` builds `/e` (a real next@16.4.6 build:
 * "The provided export path '/e' doesn't match the '/e/[id]' page."), as does `[]` for a required
 * catch-all. export/worker.ts matches the locale-less pathname when the path has a locale, otherwise the
 * path as written (`_ssgPath`, the encoded form).
 */
export function exportPathError(page: string, entry: Entry, locales: readonly string[] | undefined): string | undefined {
  const withoutLocale = stripLocale(entry.url, locales);
  if ((withoutLocale ?? entry.url) === page) return undefined;
  const path = withoutLocale ?? entry.encodedUrl ?? entry.url;
  try {
    if (getRouteMatcher(getRouteRegex(page))(path)) return undefined;
  } catch (error) {
    return (error as Error).message;
  }
  return `The provided export path '${path}' doesn't match the '${page}' page.\nRead more: https://nextjs.org/docs/messages/export-path-mismatch`;
}

/** shared/lib/i18n/normalize-locale-path.ts: the path without its locale, or undefined when it has none. */
function stripLocale(pathname: string, locales: readonly string[] | undefined): string | undefined {
  if (!locales) return undefined;
  const segment = pathname.split('/', 2)[1];
  if (!segment) return undefined;
  const locale = locales.find((l) => l.toLowerCase() === segment.toLowerCase());
  return locale === undefined ? undefined : pathname.slice(locale.length + 1) || '/';
}
