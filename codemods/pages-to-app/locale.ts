import type { namedTypes as N } from 'ast-types';
import type { EditedModule } from '../_shared/edited-module.js';
import { defaultLocaleUrls, type I18n } from '../_shared/locale-urls.js';

/**
 * What Next's pages-router i18n routing did that the app router, which has no `i18n` config, does not do for a
 * page moved under app/[locale]/. An i18n project cannot use `output: 'export'` (next.config throws "Specified
 * "i18n" cannot be used with "output: export""), so it runs on a Next server, where a proxy.ts (Next 16's name
 * for middleware.ts; the app-router internationalization guide) can do it again. The `i18n` key itself must go:
 * with it, next build strips the locale from app/[locale] paths and fails ("The provided export path '/'
 * doesn't match the '/[locale]' page.").
 */

/** A locale other than the default one, for the examples (the default itself when it is the only one). */
function otherLocale(i18n: I18n): string {
  return i18n.locales.find((l) => l !== i18n.defaultLocale) ?? i18n.defaultLocale;
}

/**
 * Next served the default locale without its prefix too (`/about` beside `/en/about`); on the root page it also
 * redirected visitors whose Accept-Language prefers another locale (localeDetection, on by default).
 */
export function localeRoutingReasons(pattern: string, i18n: I18n): string[] {
  const { unprefixed, prefixed } = defaultLocaleUrls(pattern, i18n);
  const reasons = [
    `Next also served the default locale '${i18n.defaultLocale}' without its prefix, at ${unprefixed} beside ${prefixed}; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only ${prefixed}, so ${unprefixed} now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (${unprefixed} to ${prefixed} with NextResponse.rewrite), or redirects it there`,
  ];
  if (pattern === '/') {
    const other = otherLocale(i18n);
    reasons.push(
      `Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); the app router detects no locale: in proxy.ts, match the Accept-Language header of a request for / against [${i18n.locales.map((l) => `'${l}'`).join(', ')}] and redirect to the preferred one (e.g. /${other})`,
    );
  }
  return reasons;
}

/**
 * With i18n, the pages router's <Link> put the page's locale in front of its href (the default locale
 * unprefixed); the app router's <Link> keeps the href as written and does not support the `locale` prop.
 */
export function markLocaleLinks(m: EditedModule, i18n: I18n): void {
  const other = otherLocale(i18n);
  for (const statement of m.ast.program.body as N.Node[]) {
    if (statement.type !== 'ImportDeclaration') continue;
    const declaration = statement as N.ImportDeclaration;
    if (declaration.source.value !== 'next/link' || declaration.importKind === 'type') continue;
    m.marker(
      statement,
      `Next's <Link> added the page's locale to each href (/about became /${other}/about on a '${other}' page, /about on a '${i18n.defaultLocale}' page); the app router's <Link> keeps the href as written and ignores its locale prop: prefix each href with the locale param (\`/\${locale}/about\`, locale from await params)`,
    );
  }
}
