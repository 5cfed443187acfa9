import { getRouteMatcher, getRouteRegex } from '../../src/model/next-route-matcher.js';
import { removeTrailingSlash } from '../../src/model/encode.js';
import { formatPattern } from '../../src/model/segments.js';
import type { Segment } from '../../src/model/types.js';
import { detectLocale } from '../../src/sources/next-pages-static-paths.js';

/**
 * A pages-router string path (`'/blog/hello'`) into the params it stands for, the way Next.js 16.4.6 reads it
 * in buildPagesStaticPaths: trailing slash removed, a known locale prefix stripped (else the default locale),
 * matched against the route regex, each param decoded (catch-alls split on '/'). The regex, the matcher and
 * the locale rule are the route model's own ports of Next's code.
 */
export interface StringPathParams {
  params: Record<string, string | string[]>;
  locale?: string;
}

/** Next's getRouteRegex for the page: [x] → ([^/]+?), [...x] → (.+?), [[...x]] → (?:/(.+?))?, then (?:/)?$. */
export function routeRegex(segments: readonly Segment[]): RegExp {
  return getRouteRegex(formatPattern(segments)).re;
}

export function paramsFromStringPath(
  entry: string,
  segments: readonly Segment[],
  i18n?: { locales: string[]; defaultLocale: string },
): StringPathParams | undefined {
  let path = removeTrailingSlash(entry);
  let locale: string | undefined;
  if (i18n) {
    const found = detectLocale(path, i18n.locales, i18n.locales.map((l) => l.toLowerCase()));
    if (found) path = path.slice(found.length + 1) || '/';
    locale = found ?? i18n.defaultLocale;
  }
  const params = getRouteMatcher(getRouteRegex(formatPattern(segments)))(path);
  if (!params) return undefined;
  return locale === undefined ? { params } : { params, locale };
}
