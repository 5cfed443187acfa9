import { formatPattern } from '../../src/model/segments.js';
import type { Segment } from '../../src/model/types.js';
import { routeRegex } from '../_shared/string-path.js';
import { access, localeAlternatives, objectKey, paramsFromMatchFields, routeKeys } from '../_shared/zfb-common.js';
import { defaultLocaleUrls, type I18n } from '../_shared/locale-urls.js';

/**
 * A pages-router page of an i18n project as a zfb page under pages/[locale]/. zfb has no i18n config, but it
 * routes pages/ by file path, so a `[locale]` folder turns each locale Next built (`/fr/blog/hello`, and the
 * default locale's `/en/blog/hello`) into a URL zfb builds, with the locale as a plain param.
 */

export type { I18n };

/** The param the locale folder adds (the generated code names its variable the same); pages-to-app's app/[locale]/ too. */
export const LOCALE_PARAM = 'locale';

/** pages/blog/[slug].tsx → pages/[locale]/blog/[slug].tsx (src/pages likewise). */
export function localizedPath(routerDir: string, path: string): string {
  return `${routerDir}/[${LOCALE_PARAM}]/${path.slice(routerDir.length + 1)}`;
}

/**
 * What Next's i18n routing did beyond the prefixed URLs, which a static zfb build cannot do: one marker each.
 * Next served the default locale without its prefix too (`/about` beside `/en/about`); on the root page it also
 * redirected visitors whose Accept-Language prefers another locale (localeDetection, on by default).
 */
export function localeMarkers(pattern: string, i18n: I18n): string[] {
  const { unprefixed, prefixed } = defaultLocaleUrls(pattern, i18n);
  const reasons = [
    `Next also served the default locale '${i18n.defaultLocale}' without its prefix, at ${unprefixed} beside ${prefixed}; zfb builds only ${prefixed}, so ${unprefixed} now gets a 404 unless your host redirects it (e.g. public/_redirects)`,
  ];
  if (pattern === '/') {
    reasons.push(
      `Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); zfb writes static files and detects no locale: link to each locale from a page of your own`,
    );
  }
  return reasons;
}

const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;
const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface LocalizedPathsOptions {
  ts: boolean;
  segments: readonly Segment[];
  staticPaths: string;
  staticProps?: string;
  strings: boolean;
  i18n: I18n;
}

/**
 * The generated zfb `paths()` of a dynamic page: each getStaticPaths entry under its locale, the default one
 * when it has none (Next's `entry.locale || defaultLocale`), and getStaticProps called with that locale, as
 * Next calls it. Next's params never held the locale, so getStaticProps still receives the route's own.
 */
export function localizedPathsFunction(o: LocalizedPathsOptions): string {
  const keys = routeKeys(o.segments);
  const fromObject = `{ ${keys
    .map((k) => `${objectKey(k.name)}: ${access('path.params', k.name)}${k.kind === 'optional-catchall' ? ' || []' : ''}`)
    .join(', ')} }`;
  const localeOf = o.ts ? '(path as { locale?: string }).locale' : 'path.locale';
  const fromEntry = `{ locale: ${localeOf} || ${quote(o.i18n.defaultLocale)}, params: ${fromObject} }`;
  const read = o.strings ? `typeof path === 'string' ? entryFromPath(path) : ${fromEntry}` : fromEntry;
  const context = `{ locales: ${list(o.i18n.locales)}, defaultLocale: ${quote(o.i18n.defaultLocale)} }`;
  const lines = [
    `/**`,
    ` * The URLs zfb builds: the entries of getStaticPaths, each under its locale (the default one when it has none)${o.staticProps ? ',' : '.'}`,
    ...(o.staticProps ? [` * each with the props getStaticProps gives it.`] : []),
    ` * zfb serves nothing else (no fallback), and its component input is { params, ...props }.`,
    ` */`,
    `export async function paths() {`,
    `  const { paths: listed } = await ${o.staticPaths}(${context});`,
    `  const seen = new Set${o.ts ? '<string>' : ''}();`,
    `  const entries = [];`,
    `  for (const path of listed) {`,
    `    const { locale, params } = ${read};`,
    `    const key = JSON.stringify([locale, params]);`,
    `    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.`,
    `    if (seen.has(key)) continue;`,
    `    seen.add(key);`,
  ];
  if (o.staticProps) {
    lines.push(
      `    const result = await ${o.staticProps}({ params, locale, locales: ${list(o.i18n.locales)}, defaultLocale: ${quote(o.i18n.defaultLocale)} });`,
      `    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.`,
      `    if (!('props' in result)) continue;`,
      `    entries.push({ params: { locale, ...params }, props: await result.props });`,
    );
  } else {
    lines.push(`    entries.push({ params: { locale, ...params } });`);
  }
  lines.push(`  }`, `  return entries;`, `}`);
  if (o.strings) lines.push('', ...entryFromPathReader(o));
  return lines.join('\n');
}

/** A string path into its locale and params, the way buildPagesStaticPaths reads it (normalizeLocalePath). */
function entryFromPathReader(o: LocalizedPathsOptions): string[] {
  const pattern = formatPattern(o.segments);
  const regex = routeRegex(o.segments);
  const bang = o.ts ? '!' : '';
  const alternatives = localeAlternatives(o.i18n.locales);
  return [
    `/** A getStaticPaths string path into its locale and this page's params, read the way Next.js reads them. */`,
    `function entryFromPath(path${o.ts ? ': string' : ''}) {`,
    `  // A known locale prefix (in any letter case) is the entry's locale; a path without one is the default locale's.`,
    `  const prefix = /^\\/(${alternatives})(?=\\/|$)/i.exec(path);`,
    `  const locale = prefix ? ${list(o.i18n.locales)}.find((l) => l.toLowerCase() === prefix[1]${bang}.toLowerCase())${bang} : ${quote(o.i18n.defaultLocale)};`,
    `  const pathname = prefix ? path.slice(prefix[0].length) || '/' : path;`,
    `  const match = /${regex.source}/.exec(pathname);`,
    `  if (!match) throw new Error(\`The provided path \\\`\${path}\\\` does not match the page: \\\`${pattern}\\\`.\`);`,
    `  return { locale, params: { ${paramsFromMatchFields(o.segments, o.ts)} } };`,
    `}`,
  ];
}

/**
 * The generated zfb `paths()` of a static page: Next built it once per locale and called getStaticProps with
 * `{ locale, locales, defaultLocale }` (no params) for each.
 */
export function localizedStaticPathsFunction(o: { ts: boolean; i18n: I18n; staticProps?: string }): string {
  const lines = [
    `/**`,
    ` * The URLs zfb builds: Next built this page once per locale${o.staticProps ? ', each with the props getStaticProps gives it' : ''}.`,
    ` */`,
    `export async function paths() {`,
  ];
  if (!o.staticProps) {
    lines.push(`  return ${list(o.i18n.locales)}.map((locale) => ({ params: { locale } }));`, `}`);
    return lines.join('\n');
  }
  lines.push(
    `  const entries = [];`,
    `  for (const locale of ${list(o.i18n.locales)}) {`,
    `    const result = await ${o.staticProps}({ locale, locales: ${list(o.i18n.locales)}, defaultLocale: ${quote(o.i18n.defaultLocale)} });`,
    `    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.`,
    `    if (!('props' in result)) continue;`,
    `    entries.push({ params: { locale }, props: await result.props });`,
    `  }`,
    `  return entries;`,
  );
  lines.push(`}`);
  return lines.join('\n');
}
