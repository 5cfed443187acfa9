import { removeTrailingSlash } from '../../src/model/encode.js';
import type { Segment } from '../../src/model/types.js';

/**
 * A pages-router string path (`'/blog/hello'`) into the params it stands for, the way Next.js 16.4.6 reads it
 * in buildPagesStaticPaths: trailing slash removed, a known locale prefix stripped (else the default locale),
 * matched against the route regex, each param decoded (catch-alls split on '/').
 */
export interface StringPathParams {
  params: Record<string, string | string[]>;
  locale?: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');
}

/** Next's getRouteRegex: [x] → ([^/]+?), [...x] → (.+?), [[...x]] → (?:/(.+?))?, then (?:/)?$. */
export function routeRegex(segments: readonly Segment[]): RegExp {
  let source = '';
  for (const segment of segments) {
    switch (segment.kind) {
      case 'static':
        source += '/' + escapeRegex(segment.value);
        break;
      case 'dynamic':
        source += '/([^/]+?)';
        break;
      case 'catchall':
        source += '/(.+?)';
        break;
      case 'optional-catchall':
        source += '(?:/(.+?))?';
        break;
    }
  }
  return new RegExp(`^${source}(?:/)?$`);
}

export function paramsFromStringPath(
  entry: string,
  segments: readonly Segment[],
  i18n?: { locales: string[]; defaultLocale: string },
): StringPathParams | undefined {
  let path = removeTrailingSlash(entry);
  let locale: string | undefined;
  if (i18n) {
    // normalizeLocalePath: the first path part, compared case-insensitively with the configured locales.
    const first = path.split('/')[1]?.toLowerCase();
    const found = i18n.locales.find((l) => l.toLowerCase() === first);
    if (found) {
      locale = found;
      path = path.slice(found.length + 1) || '/';
    } else {
      locale = i18n.defaultLocale;
    }
  }
  const match = routeRegex(segments).exec(path);
  if (!match) return undefined;
  const params: Record<string, string | string[]> = {};
  let group = 1;
  for (const segment of segments) {
    if (segment.kind === 'static') continue;
    const raw = match[group++];
    if (raw === undefined) continue;
    params[segment.name] = segment.kind === 'dynamic' ? decodeURIComponent(raw) : raw.split('/').map((p) => decodeURIComponent(p));
  }
  return locale === undefined ? { params } : { params, locale };
}
