import { posix } from 'node:path';

/** What `next build` prints after "Build error occurred", and, where Next's text alone is cryptic, why. */
export interface NextConfigRefusal {
  next: string;
  why?: string;
}

/**
 * The checks `next build` 16.4.6 makes on the parts of next.config.* the route model reads (pageExtensions,
 * output, basePath, i18n), in the order the build makes them, each with Next's own text. Next stops at the
 * first failure, and so does this: the text returned is the one `next build` prints after "Build error
 * occurred". Pure: it takes the evaluated config (what the config file exports, a function config already
 * called) and the config file's base name, and touches nothing.
 */
export function nextConfigRefusal(raw: Record<string, unknown>, configFileName: string): NextConfigRefusal | undefined {
  // server/config.ts `assignDefaultsAndValidate`: a key whose value is undefined or null keeps its default.
  const set = (key: string): unknown => (raw[key] === null ? undefined : raw[key]);
  const next = pageExtensionsError(set('pageExtensions')) ?? exportError(set('output'), set('i18n')) ?? basePathError(set('basePath')) ?? i18nError(set('i18n'));
  return next !== undefined ? { next } : unwritableLocale(set('i18n'), configFileName);
}

/** server/config.ts `assignDefaultsAndValidate`, in its reduce over the user's keys. */
function pageExtensionsError(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    return `Specified pageExtensions is not an array of strings, found "${String(value)}". Please update this config or remove it.`;
  }
  if (!value.length) {
    return 'Specified pageExtensions is an empty array. Please update it with the relevant extensions or remove it.';
  }
  for (const ext of value) {
    if (typeof ext !== 'string') {
      return `Specified pageExtensions is not an array of strings, found "${String(ext)}" of type "${typeof ext}". Please update this config or remove it.`;
    }
  }
  return undefined;
}

/** server/config.ts `assignDefaultsAndValidate`: `output: 'export'` has no server to route locales. */
function exportError(output: unknown, i18n: unknown): string | undefined {
  if (output === 'export' && i18n) {
    return 'Specified "i18n" cannot be used with "output: export". See more info here: https://nextjs.org/docs/messages/export-no-i18n';
  }
  return undefined;
}

/** server/config.ts `assignDefaultsAndValidate` (the default basePath is ''). */
function basePathError(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `Specified basePath is not a string, found type "${typeof value}"`;
  if (value === '') return undefined;
  if (value === '/') return 'Specified basePath /. basePath has to be either an empty string or a path prefix"';
  if (!value.startsWith('/')) return `Specified basePath has to start with a /, found "${value}"`;
  if (value.endsWith('/')) return `Specified basePath should not end with /, found "${value}"`;
  return undefined;
}

const I18N_DOCS = 'See more info here: https://nextjs.org/docs/messages/invalid-i18n-config';

/** server/config.ts `assignDefaultsAndValidate`, the `if (result.i18n)` block, then what the build does with each locale. */
function i18nError(i18n: unknown): string | undefined {
  if (!i18n) return undefined;
  if (typeof i18n !== 'object') return `Specified i18n should be an object received ${typeof i18n}.\n${I18N_DOCS}`;
  const { locales, defaultLocale, domains, localeDetection } = i18n as Record<string, unknown>;
  if (!Array.isArray(locales)) return `Specified i18n.locales should be an Array received ${typeof locales}.\n${I18N_DOCS}`;
  if (!defaultLocale || typeof defaultLocale !== 'string') return `Specified i18n.defaultLocale should be a string.\n${I18N_DOCS}`;
  if (domains !== undefined && !Array.isArray(domains)) {
    return `Specified i18n.domains must be an array of domain objects e.g. [ { domain: 'example.fr', defaultLocale: 'fr', locales: ['fr'] } ] received ${typeof domains}.\n${I18N_DOCS}`;
  }
  const invalidLocales = locales.filter((locale) => typeof locale !== 'string');
  if (invalidLocales.length > 0) {
    return (
      `Specified i18n.locales contains invalid values (${invalidLocales.map(String).join(', ')}), locales must be valid locale tags provided as strings e.g. "en-US".\n` +
      'See here for list of valid language sub-tags: http://www.iana.org/assignments/language-subtag-registry/language-subtag-registry'
    );
  }
  if (!locales.includes(defaultLocale)) return `Specified i18n.defaultLocale should be included in i18n.locales.\n${I18N_DOCS}`;
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const locale of locales as string[]) {
    if (seen.has(locale.toLowerCase())) duplicates.add(locale);
    seen.add(locale.toLowerCase());
  }
  if (duplicates.size > 0) {
    return `Specified i18n.locales contains the following duplicate locales:\n${[...duplicates].join(', ')}\nEach locale should be listed only once.\n${I18N_DOCS}`;
  }
  const detection = typeof localeDetection;
  if (detection !== 'boolean' && detection !== 'undefined') {
    return `Specified i18n.localeDetection should be undefined or a boolean received ${detection}.\n${I18N_DOCS}`;
  }
  return undefined;
}

/**
 * A locale is the first segment of every page's path. The config checks let `..` and `""` through, but the
 * build then writes each page under `/<locale>/...` and shared/lib/page-path/normalize-page-path.ts
 * `normalizePagePath` refuses a path that `path.posix.normalize` resolves elsewhere. Two real builds (an
 * index page and Next's own /404 page) failed on the index page's `/..` and, for `""`, on `//404`.
 */
function unwritableLocale(i18n: unknown, configFileName: string): NextConfigRefusal | undefined {
  if (!i18n) return undefined;
  const { locales, defaultLocale } = i18n as { locales: string[]; defaultLocale: string };
  for (const locale of orderLocales(locales, defaultLocale)) {
    for (const page of [`/${locale}`, `/${locale}/404`]) {
      const resolved = posix.normalize(page);
      if (resolved !== page) {
        return {
          next: `Requested and resolved page mismatch: ${page} ${resolved}`,
          why: `i18n.locales in ${configFileName} holds ${JSON.stringify(locale)}, which cannot be a path segment of its own`,
        };
      }
    }
  }
  return undefined;
}

/** server/config.ts puts the default locale first; getStaticPaths receives `locales` in that order. */
export function orderLocales(locales: readonly string[], defaultLocale: string): string[] {
  return [defaultLocale, ...locales.filter((locale) => locale !== defaultLocale)];
}
