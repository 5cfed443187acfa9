/** A Next i18n config as the transforms need it. */
export type I18n = { locales: string[]; defaultLocale: string };

/**
 * The URL Next served for a page of the default locale without a prefix, and the prefixed one a `[locale]`
 * folder serves (zfb's pages/[locale]/, the app router's app/[locale]/).
 */
export function defaultLocaleUrls(pattern: string, i18n: I18n): { unprefixed: string; prefixed: string } {
  return { unprefixed: pattern, prefixed: `/${i18n.defaultLocale}${pattern === '/' ? '' : pattern}` };
}
