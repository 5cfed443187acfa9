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

// next@16.4.6 export/worker.js: a build worker renders `experimental.staticGenerationMaxConcurrency` pages
// (8 by default) at once, so getStaticProps of several URLs run at the same time there too. Here it lets one
// URL's wait for its data (a file read, a fetch) overlap with the next URL's calls. Calls that wait for
// nothing are faster one after another: the calls start one at a time, and go concurrent only once the
// last SAMPLE_CALLS took SLOW_CALL_MS each on average.
const CONCURRENT_CALLS = 8;
const SAMPLE_CALLS = 32;
const SLOW_CALL_MS = 0.1;

export async function runStaticProps(input: StaticPropsInput): Promise<{ entries: Entry[]; diagnostics: Diagnostic[] }> {
  const { page, file, i18n } = input;
  const dynamic = page.includes('[');
  const matcher = dynamic ? getRouteMatcher(getRouteRegex(page)) : undefined;
  const problem = (entry: Entry, code: string, message: string): Diagnostic => ({
    severity: 'error',
    code,
    file,
    function: 'getStaticProps',
    message: `${message}\n(getStaticProps for ${entry.url} in ${file}; next build fails on this page)`,
  });

  const contextOf = (entry: Entry): { context: object; updatedPath: string } => {
    let updatedPath = entry.encodedUrl ?? entry.url;
    let locale = entry.locale;
    if (i18n) {
      const localized = withoutLocale(entry.url, i18n.locales);
      if (localized.locale !== undefined) {
        updatedPath = localized.pathname;
        locale = localized.locale;
      }
    }
    // Next's context, key for key and in its order; two plain literals rather than Next's conditional
    // spread, which costs more than a simple getStaticProps itself (a call per URL).
    const locales = i18n ? i18n.locales.slice() : [];
    const defaultLocale = i18n?.defaultLocale;
    const context = matcher
      ? { params: matcher(updatedPath) || undefined, locales, locale, defaultLocale, revalidateReason: 'build' }
      : { locales, locale, defaultLocale, revalidateReason: 'build' };
    return { context, updatedPath };
  };

  /** What next build makes of one URL's answer: a problem, a URL without a page (notFound), or nothing to say. */
  const judge = (entry: Entry, data: unknown, updatedPath: string): Diagnostic | undefined => {
    if (data == null) return problem(entry, 'GSP_PROPS_INVALID', GSP_NO_RETURNED_VALUE);
    const invalidKeys = Object.keys(data).filter((key) => key !== 'revalidate' && key !== 'props' && key !== 'redirect' && key !== 'notFound');
    if (invalidKeys.length > 0) return problem(entry, 'GSP_PROPS_INVALID', invalidKeysMessage(invalidKeys));
    const result = data as { notFound?: unknown; redirect?: unknown };
    if (result.notFound) {
      return {
        severity: 'info',
        code: 'GSP_NOT_FOUND',
        file,
        function: 'getStaticProps',
        message: `getStaticProps returned notFound for ${entry.url}: next build writes no page for it (prerender-manifest notFoundRoutes), the URL answers 404, and it is not listed`,
      };
    }
    if (result.redirect && typeof result.redirect === 'object') {
      return problem(
        entry,
        'GSP_PROPS_REDIRECT',
        `\`redirect\` can not be returned from getStaticProps during prerendering (${updatedPath})\nSee more info here: https://nextjs.org/docs/messages/gsp-redirect-during-prerender`,
      );
    }
    return undefined;
  };

  // What each URL's call told, by the URL's index: answers come back in any order, the model keeps the URLs'.
  const told: (Diagnostic | undefined)[] = new Array(input.entries.length);
  let next = 0;
  const workers: Promise<void>[] = [];
  let sampleStart = performance.now();
  let sampled = 0;
  const worker = async (): Promise<void> => {
    while (next < input.entries.length) {
      const index = next++;
      const entry = input.entries[index]!;
      const { context, updatedPath } = contextOf(entry);
      try {
        told[index] = judge(entry, await input.getStaticProps(context, entry.url), updatedPath);
      } catch (error) {
        const fault = faultCode(error);
        told[index] = problem(entry, fault ?? 'GSP_PROPS_THREW', fault ? (error as Error).message : `getStaticProps threw: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (workers.length < CONCURRENT_CALLS && ++sampled === SAMPLE_CALLS) {
        const now = performance.now();
        if ((now - sampleStart) / SAMPLE_CALLS >= SLOW_CALL_MS) while (workers.length < CONCURRENT_CALLS) workers.push(worker());
        sampleStart = now;
        sampled = 0;
      }
    }
  };
  workers.push(worker());
  // A worker started meanwhile is in the list by the time the one awaited ends.
  for (let i = 0; i < workers.length; i++) await workers[i];
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  input.entries.forEach((entry, i) => {
    const diagnostic = told[i];
    if (diagnostic?.code !== 'GSP_NOT_FOUND') entries.push(entry);
    if (diagnostic) diagnostics.push(diagnostic);
  });
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
