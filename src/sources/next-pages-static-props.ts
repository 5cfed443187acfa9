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
const UNSTABLE_REVALIDATE_RENAME_ERROR = 'The `unstable_revalidate` property is available for general use.\nPlease use `revalidate` instead.';
const invalidKeysMessage = (keys: string[]): string =>
  'Additional keys were returned from `getStaticProps`. Properties intended for your component must be nested under the `props` key, e.g.:' +
  "\n\n\treturn { props: { title: 'My Title', content: '...' } }" +
  `\n\nKeys that need to be moved: ${keys.join(', ')}.` +
  '\nRead more: https://nextjs.org/docs/messages/invalid-getstaticprops-value';
// lib/redirect-status.ts `allowedStatusCodes`.
const REDIRECT_STATUS_CODES = [301, 302, 303, 307, 308];

// next@16.4.6 export/worker.js: a build worker renders `experimental.staticGenerationMaxConcurrency` pages
// (8 by default) at once, so getStaticProps of several URLs run at the same time there too. Here it lets one
// URL's wait for its data (a file read, a fetch) overlap with the next URL's calls. Calls that wait for
// nothing are faster one after another: the calls start one at a time, and go concurrent only once the
// last SAMPLE_CALLS took SLOW_CALL_MS each on average.
const CONCURRENT_CALLS = 8;
const SAMPLE_CALLS = 32;
const SLOW_CALL_MS = 0.1;

/**
 * The context `next build` passes getStaticProps for one URL, key for key and in its order, and the path
 * its messages name (`req.url`: the encoded path without the locale). One function per page: the page's
 * route matcher gives the params from the URL, as export/worker.ts `getParams` does.
 */
export function staticPropsContexts(page: string, i18n?: NextI18n): (entry: Entry) => { context: object; updatedPath: string } {
  const matcher = page.includes('[') ? getRouteMatcher(getRouteRegex(page)) : undefined;
  return (entry) => {
    let updatedPath = entry.encodedUrl ?? entry.url;
    let locale = entry.locale;
    if (i18n) {
      const localized = withoutLocale(entry.url, i18n.locales);
      if (localized.locale !== undefined) {
        updatedPath = localized.pathname;
        locale = localized.locale;
      }
    }
    // Two plain literals rather than Next's conditional spread, which costs more than a simple
    // getStaticProps itself (a call per URL).
    const locales = i18n ? i18n.locales.slice() : [];
    const defaultLocale = i18n?.defaultLocale;
    const context = matcher
      ? { params: matcher(updatedPath) || undefined, locales, locale, defaultLocale, revalidateReason: 'build' }
      : { locales, locale, defaultLocale, revalidateReason: 'build' };
    return { context, updatedPath };
  };
}

/** What `next build` makes of one URL's getStaticProps answer. */
export type StaticPropsVerdict =
  | { kind: 'page'; props: unknown }
  /** No page: the URL answers 404 (prerender-manifest `notFoundRoutes`). */
  | { kind: 'not-found' }
  /** The build fails on this page. */
  | { kind: 'error'; code: 'GSP_PROPS_INVALID' | 'GSP_PROPS_REDIRECT'; message: string };

/**
 * The checks server/render.tsx `renderToHTMLImpl` makes of the answer while prerendering, in its order and
 * words (props that cannot be serialized are the renderer's to find: render/props-check.ts).
 */
export function judgeStaticProps(data: unknown, page: string, updatedPath: string): StaticPropsVerdict {
  const invalid = (message: string): StaticPropsVerdict => ({ kind: 'error', code: 'GSP_PROPS_INVALID', message });
  if (data == null) return invalid(GSP_NO_RETURNED_VALUE);
  const invalidKeys: string[] = [];
  for (const key of Object.keys(data)) if (key !== 'revalidate' && key !== 'props' && key !== 'redirect' && key !== 'notFound') invalidKeys.push(key);
  if (invalidKeys.includes('unstable_revalidate')) return invalid(UNSTABLE_REVALIDATE_RENAME_ERROR);
  if (invalidKeys.length > 0) return invalid(invalidKeysMessage(invalidKeys));
  const result = data as { notFound?: unknown; redirect?: unknown; props?: unknown };
  if (result.notFound && page === '/404') return invalid('The /404 page can not return notFound in "getStaticProps", please remove it to continue!');
  if (result.redirect && typeof result.redirect === 'object') {
    const problems = redirectProblems(result.redirect as Record<string, unknown>);
    const message =
      problems.length > 0
        ? `Invalid redirect object returned from getStaticProps for ${updatedPath}\n${problems.join(' and ')}\nSee more info here: https://nextjs.org/docs/messages/invalid-redirect-gssp`
        : `\`redirect\` can not be returned from getStaticProps during prerendering (${updatedPath})\nSee more info here: https://nextjs.org/docs/messages/gsp-redirect-during-prerender`;
    return { kind: 'error', code: 'GSP_PROPS_REDIRECT', message };
  }
  if (result.notFound) return { kind: 'not-found' };
  return { kind: 'page', props: result.props };
}

/** server/render.tsx `checkRedirectValues`. */
function redirectProblems({ destination, permanent, statusCode, basePath }: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (permanent !== undefined && statusCode !== undefined) problems.push('`permanent` and `statusCode` can not both be provided');
  else if (permanent !== undefined && typeof permanent !== 'boolean') problems.push('`permanent` must be `true` or `false`');
  else if (statusCode !== undefined && !REDIRECT_STATUS_CODES.includes(statusCode as number)) problems.push(`\`statusCode\` must undefined or one of ${REDIRECT_STATUS_CODES.join(', ')}`);
  if (typeof destination !== 'string') problems.push(`\`destination\` should be string but received ${typeof destination}`);
  if (basePath !== undefined && typeof basePath !== 'boolean') problems.push(`\`basePath\` should be undefined or a false, received ${typeof basePath}`);
  return problems;
}

export async function runStaticProps(input: StaticPropsInput): Promise<{ entries: Entry[]; diagnostics: Diagnostic[] }> {
  const { page, file } = input;
  const contextOf = staticPropsContexts(page, input.i18n);
  const problem = (entry: Entry, code: string, message: string): Diagnostic => ({
    severity: 'error',
    code,
    file,
    function: 'getStaticProps',
    message: `${message}\n(getStaticProps for ${entry.url} in ${file}; next build fails on this page)`,
  });

  /** What next build makes of one URL's answer: a problem, a URL without a page (notFound), or nothing to say. */
  const judge = (entry: Entry, data: unknown, updatedPath: string): Diagnostic | undefined => {
    const verdict = judgeStaticProps(data, page, updatedPath);
    if (verdict.kind === 'error') return problem(entry, verdict.code, verdict.message);
    if (verdict.kind === 'not-found') {
      return {
        severity: 'info',
        code: 'GSP_NOT_FOUND',
        file,
        function: 'getStaticProps',
        message: `getStaticProps returned notFound for ${entry.url}: next build writes no page for it (prerender-manifest notFoundRoutes), the URL answers 404, and it is not listed`,
      };
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
