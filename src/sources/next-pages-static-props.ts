import { faultCode } from '../load/call-guard.js';
import { getRouteMatcher, getRouteRegex } from '../model/next-route-matcher.js';
import type { Diagnostic, Entry } from '../model/types.js';
import type { NextI18n } from '../project/types.js';

/**
 * What `next build` 16.4.6 does with each URL of a getStaticProps page once its paths are known: it calls
 * getStaticProps for the URL, then writes the page, or, for `notFound: true`, writes no page and lists the
 * URL in prerender-manifest.json `notFoundRoutes`, so the site answers 404 there (a real build of a page
 * returning notFound for one of three getStaticPaths URLs, and of a static page returning it, wrote no HTML
 * for them and listed both in notFoundRoutes). Such a URL is no URL of the site: it is left out here, with
 * a note. The call and its checks are server/render.tsx `renderToHTMLImpl`; the params are what
 * export/worker.ts hands it (`getParams` on the encoded path, without the locale).
 */

export interface StaticPropsInput {
  /** Next's page name: '/about', '/p/[id]'. */
  page: string;
  /** Project-relative file, for the diagnostics. */
  file: string;
  /** The page's getStaticProps, called the way every front-end calls user code (the loader's guard). */
  getStaticProps: (context: object, url: string) => Promise<unknown>;
  entries: readonly Entry[];
  i18n?: NextI18n;
}

// lib/constants.ts and server/render.tsx, word for word.
const GSP_NO_RETURNED_VALUE = 'Your `getStaticProps` function did not return an object. Did you forget to add a `return`?';
const invalidKeysMessage = (keys: string[]): string =>
  'Additional keys were returned from `getStaticProps`. Properties intended for your component must be nested under the `props` key, e.g.:' +
  "\n\n\treturn { props: { title: 'My Title', content: '...' } }" +
  `\n\nKeys that need to be moved: ${keys.join(', ')}.` +
  '\nRead more: https://nextjs.org/docs/messages/invalid-getstaticprops-value';

export async function runStaticProps(input: StaticPropsInput): Promise<{ entries: Entry[]; diagnostics: Diagnostic[] }> {
  const { page, file, i18n } = input;
  const dynamic = page.includes('[');
  const matcher = dynamic ? getRouteMatcher(getRouteRegex(page)) : undefined;
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (entry: Entry, code: string, message: string): void => {
    diagnostics.push({ severity: 'error', code, file, function: 'getStaticProps', message: `${message}\n(getStaticProps for ${entry.url} in ${file}; next build fails on this page)` });
  };
  for (const entry of input.entries) {
    let updatedPath = entry.encodedUrl ?? entry.url;
    let locale = entry.locale;
    if (i18n) {
      const localized = withoutLocale(entry.url, i18n.locales);
      if (localized.locale !== undefined) {
        updatedPath = localized.pathname;
        locale = localized.locale;
      }
    }
    let data: unknown;
    try {
      // Next's context, key for key and in its order; two plain literals rather than Next's conditional
      // spread, which costs more than a simple getStaticProps itself (a call per URL).
      const locales = i18n ? i18n.locales.slice() : [];
      const defaultLocale = i18n?.defaultLocale;
      const context = matcher
        ? { params: matcher(updatedPath) || undefined, locales, locale, defaultLocale, revalidateReason: 'build' }
        : { locales, locale, defaultLocale, revalidateReason: 'build' };
      data = await input.getStaticProps(context, entry.url);
    } catch (error) {
      entries.push(entry);
      const fault = faultCode(error);
      problem(entry, fault ?? 'GSP_PROPS_THREW', fault ? (error as Error).message : `getStaticProps threw: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (data == null) {
      entries.push(entry);
      problem(entry, 'GSP_PROPS_INVALID', GSP_NO_RETURNED_VALUE);
      continue;
    }
    const invalidKeys = Object.keys(data).filter((key) => key !== 'revalidate' && key !== 'props' && key !== 'redirect' && key !== 'notFound');
    if (invalidKeys.length > 0) {
      entries.push(entry);
      problem(entry, 'GSP_PROPS_INVALID', invalidKeysMessage(invalidKeys));
      continue;
    }
    const result = data as { notFound?: unknown; redirect?: unknown };
    if (result.notFound) {
      diagnostics.push({
        severity: 'info',
        code: 'GSP_NOT_FOUND',
        file,
        function: 'getStaticProps',
        message: `getStaticProps returned notFound for ${entry.url}: next build writes no page for it (prerender-manifest notFoundRoutes), the URL answers 404, and it is not listed`,
      });
      continue;
    }
    entries.push(entry);
    if (result.redirect && typeof result.redirect === 'object') {
      problem(
        entry,
        'GSP_PROPS_REDIRECT',
        `\`redirect\` can not be returned from getStaticProps during prerendering (${updatedPath})\nSee more info here: https://nextjs.org/docs/messages/gsp-redirect-during-prerender`,
      );
    }
  }
  return { entries, diagnostics };
}

/** shared/lib/i18n/normalize-locale-path.ts `normalizeLocalePath`: the first segment, case-insensitively. */
function withoutLocale(pathname: string, locales: readonly string[]): { pathname: string; locale?: string } {
  const segments = pathname.split('/', 2);
  if (!segments[1]) return { pathname };
  const index = locales.findIndex((l) => l.toLowerCase() === segments[1]!.toLowerCase());
  if (index < 0) return { pathname };
  return { pathname: pathname.slice(segments[1].length + 1) || '/', locale: locales[index] };
}
