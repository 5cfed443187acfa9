import { encodeParam, escapePathDelimiters, normalizePathname, removeTrailingSlash } from '../model/encode.js';
import { getRouteMatcher, getRouteRegex } from '../model/next-route-matcher.js';
import { loneSurrogate } from '../model/unwritable-param.js';
import type { Entry, Unmatched } from '../model/types.js';

/**
 * Next.js 16.4.6's `buildPagesStaticPaths` (build/static-paths/pages.ts), ported statement by statement so that every path, encoding, de-duplication and error message
 * is the build's own. Validation failures throw a plain `Error` carrying Next's exact text, as Next does;
 * the pages front-end turns them into diagnostics. Odd shapes Next does not validate (a `null` entry, a
 * number inside a catch-all array) fail here with the same JavaScript TypeError they cause in Next.
 */

export interface PagesStaticPathsInput {
  /** Next's page name: '/', '/blog/[slug]', '/[[...s]]'. */
  page: string;
  getStaticPaths: (ctx: { locales?: string[]; defaultLocale?: string }) => unknown;
  /** Base name of the Next config file; Next prints it in the invalid-locale message. */
  configFileName: string;
  locales?: string[];
  defaultLocale?: string;
  /**
   * Whether getStaticPaths gets a copy of the locales (`[]` without i18n), as next@15.5+ passes them, or
   * the config's own array (`undefined` without i18n), as build/utils.js did before. Default: a copy.
   */
  copiesLocales?: boolean;
}

export interface PagesStaticPaths {
  unmatched: Unmatched;
  entries: Entry[];
  /**
   * Path objects left out because a value holds a lone surrogate: Next's `encodeURIComponent` throws "URI
   * malformed" on it and the whole build fails; the model names the key and value and keeps the rest.
   */
  unencodable: Array<{ key: string; value: unknown }>;
}

const EXPECTED_RETURN_VAL =
  `Expected: { paths: [], fallback: boolean }\n` +
  `See here for more info: https://nextjs.org/docs/messages/invalid-getstaticpaths-value`;

/** lib/fallback.ts `parseStaticPathsResult`, read as what happens to a URL the build did not list. */
function unmatchedFor(fallback: unknown): Unmatched {
  if (fallback === true) return 'fallback';
  if (fallback === 'blocking') return 'blocking';
  return 'not-found';
}

function entry(pathname: string, encodedPathname: string, params: Record<string, unknown>, locale: string | undefined): Entry {
  const result: Entry = { url: pathname, params };
  if (encodedPathname !== pathname) result.encodedUrl = encodedPathname;
  if (locale) result.locale = locale;
  return result;
}

// Both the literal Next parameter names and `hasOwnProperty` as called on user data matter here: a
// params object without a prototype throws in Next, and so it does here.
type LooseParams = Record<string, unknown> & { hasOwnProperty(key: string): boolean };

export async function buildPagesStaticPaths(input: PagesStaticPathsInput): Promise<PagesStaticPaths> {
  const { page, getStaticPaths, configFileName, locales, defaultLocale } = input;
  const byPathname = new Map<string, Entry>();
  const unencodable: PagesStaticPaths['unencodable'] = [];
  const routeRegex = getRouteRegex(page);
  const routeMatcher = getRouteMatcher(routeRegex);
  const lowercasedLocales = locales?.map((locale) => locale.toLowerCase());

  // Next takes the route's keys from matching the page name against its own regex.
  const routeParameterKeys = Object.keys(routeMatcher(page));
  const staticPathsResult = (await getStaticPaths({
    // 15.5+: a copy, so a getStaticPaths that mutates the array cannot change the config.
    locales: input.copiesLocales === false ? locales : [...(locales ?? [])],
    defaultLocale,
  })) as { paths?: unknown; fallback?: unknown } | null | undefined;

  if (!staticPathsResult || typeof staticPathsResult !== 'object' || Array.isArray(staticPathsResult)) {
    throw new Error(
      `Invalid value returned from getStaticPaths in ${page}. Received ${typeof staticPathsResult} ${EXPECTED_RETURN_VAL}`,
    );
  }

  const invalidStaticPathKeys = Object.keys(staticPathsResult).filter((key) => !(key === 'paths' || key === 'fallback'));
  if (invalidStaticPathKeys.length > 0) {
    throw new Error(
      `Extra keys returned from getStaticPaths in ${page} (${invalidStaticPathKeys.join(', ')}) ${EXPECTED_RETURN_VAL}`,
    );
  }

  if (!(typeof staticPathsResult.fallback === 'boolean' || staticPathsResult.fallback === 'blocking')) {
    throw new Error(`The \`fallback\` key must be returned from getStaticPaths in ${page}.\n` + EXPECTED_RETURN_VAL);
  }

  const toPrerender = staticPathsResult.paths;
  if (!Array.isArray(toPrerender)) {
    throw new Error(
      `Invalid \`paths\` value returned from getStaticPaths in ${page}.\n` +
        `\`paths\` must be an array of strings or objects of shape { params: [key: string]: string }`,
    );
  }

  // forEach, as in Next: holes in a sparse `paths` array are skipped, not reported.
  toPrerender.forEach((item: unknown) => {
    if (typeof item === 'string') {
      // String paths are taken as already URL-encoded: each segment is decoded, then only the path
      // delimiters are escaped again (pathname); the string itself is the encoded form.
      let path = removeTrailingSlash(item);
      const detectedLocale = detectLocale(path, locales, lowercasedLocales);
      let cleanedEntry = path;
      if (detectedLocale) {
        cleanedEntry = path.slice(detectedLocale.length + 1);
      } else if (defaultLocale) {
        path = `/${defaultLocale}${path}`;
      }
      const params = routeMatcher(cleanedEntry);
      if (!params) {
        throw new Error(`The provided path \`${cleanedEntry}\` does not match the page: \`${page}\`.`);
      }
      const pathname = path
        .split('/')
        .map((segment) => escapePathDelimiters(decodeURIComponent(segment)))
        .join('/');
      if (!byPathname.has(pathname)) {
        byPathname.set(pathname, entry(pathname, path, params, locales ? detectedLocale ?? defaultLocale : undefined));
      }
      return;
    }

    const object = item as { params?: LooseParams; locale?: unknown };
    const invalidKeys = Object.keys(object).filter((key) => key !== 'params' && key !== 'locale');
    if (invalidKeys.length) {
      throw new Error(
        `Additional keys were returned from \`getStaticPaths\` in page "${page}". ` +
          `URL Parameters intended for this dynamic route must be nested under the \`params\` key, i.e.:` +
          `\n\n\treturn { params: { ${routeParameterKeys.map((k) => `${k}: ...`).join(', ')} } }` +
          `\n\nKeys that need to be moved: ${invalidKeys.join(', ')}.\n`,
      );
    }

    const { params = {} as LooseParams } = object;
    let builtPage = page;
    let encodedBuiltPage = page;
    let malformed = false;
    routeParameterKeys.forEach((validParamKey) => {
      if (malformed) return;
      const { repeat, optional } = routeRegex.groups[validParamKey]!;
      let paramValue = params[validParamKey];
      // An optional catch-all given null / undefined / false (present, not missing) is the base path.
      if (
        optional &&
        params.hasOwnProperty(validParamKey) &&
        (paramValue === null || paramValue === undefined || paramValue === false)
      ) {
        paramValue = [];
      }
      if (
        (repeat && !Array.isArray(paramValue)) ||
        (!repeat && typeof paramValue !== 'string') ||
        typeof paramValue === 'undefined'
      ) {
        throw new Error(
          `A required parameter (${validParamKey}) was not provided as ${
            repeat ? 'an array' : 'a string'
          } received ${typeof paramValue} in getStaticPaths for ${page}`,
        );
      }
      if (loneSurrogate(paramValue) !== undefined) {
        unencodable.push({ key: validParamKey, value: paramValue });
        malformed = true;
        return;
      }
      let replaced = `[${repeat ? '...' : ''}${validParamKey}]`;
      if (optional) replaced = `[${replaced}]`;
      // String.replace with a string replacement, as Next: `$&` and friends in a value are expanded.
      builtPage = builtPage.replace(replaced, encodeParam(paramValue, (value) => escapePathDelimiters(value)));
      encodedBuiltPage = encodedBuiltPage.replace(replaced, encodeParam(paramValue, encodeURIComponent));
    });

    if (malformed || (!builtPage && !encodedBuiltPage)) return;

    const locale = object.locale as string | undefined;
    if (locale && !locales?.includes(locale)) {
      throw new Error(
        `Invalid locale returned from getStaticPaths for ${page}, the locale ${locale} is not specified in ${configFileName}`,
      );
    }
    const curLocale = locale || defaultLocale || '';
    const pathname = normalizePathname(`${curLocale ? `/${curLocale}` : ''}${curLocale && builtPage === '/' ? '' : builtPage}`);
    if (!byPathname.has(pathname)) {
      const encodedPathname = normalizePathname(
        `${curLocale ? `/${curLocale}` : ''}${curLocale && encodedBuiltPage === '/' ? '' : encodedBuiltPage}`,
      );
      byPathname.set(pathname, entry(pathname, encodedPathname, params, curLocale || undefined));
    }
  });

  return { unmatched: unmatchedFor(staticPathsResult.fallback), entries: [...byPathname.values()], unencodable };
}

/** shared/lib/i18n/normalize-locale-path.ts: the first segment, compared case-insensitively. */
export function detectLocale(
  pathname: string,
  locales: readonly string[] | undefined,
  lowercasedLocales: readonly string[] | undefined,
): string | undefined {
  if (!locales || !lowercasedLocales) return undefined;
  const segments = pathname.split('/', 2);
  if (!segments[1]) return undefined;
  const index = lowercasedLocales.indexOf(segments[1].toLowerCase());
  return index < 0 ? undefined : locales[index];
}
