import { escapePathDelimiters, normalizePathname } from '../model/encode.js';
import { getRouteMatcher, getRouteRegex } from '../model/next-route-matcher.js';
import type { Entry } from '../model/types.js';
import {
  AppStaticPathsError,
  type AppStaticPaths,
  type CascadeCall,
  type CascadeSegment,
  type Params,
  type ParamsTrace,
} from './next-app-cascade.js';

/**
 * `buildAppStaticPaths` and its callers as next@13.5.11 and 14.2.35 run them (build/utils.js
 * `collectGenerateParams`, `buildAppStaticPaths`, `buildStaticPaths` with `appDir`, and build/index.js),
 * where they differ from 15.5+ (next-app-cascade.ts). Each difference below was seen in real builds of
 * the same fixture by next@14.2.35 and next@16.4.6 (test/versions):
 * - only the `children` branch of the loader tree is walked (the caller passes those segments): a
 *   parallel slot's generateStaticParams is never called;
 * - every function is called once per parent params object, starting from `[{}]`; an empty result drops
 *   that parent, and a parent returning [] leaves the child nothing to be called with;
 * - the route is prerendered when a generateStaticParams comes after its last dynamic segment without
 *   one; a params object lacking a URL param (`undefined`) is skipped on its own, the others stay;
 * - results are not validated: a non-iterable one fails with the JavaScript TypeError of iterating it;
 * - an empty-string value builds a path with an empty segment, which the export then rejects;
 * - segment config reduces top-down: the first `dynamic` wins, the smallest `revalidate`.
 */

export interface LegacyAppStaticPathsInput {
  /** The normalised route: '/blog/[slug]'. */
  page: string;
  /** The children branch of the loader tree, root first. */
  segments: readonly CascadeSegment[];
  isStaticExport: boolean;
}

/** collectGenerateParams: `isDynamicSegment = /^\[.+\]$/.test(name)` (an intercepted `(.)[id]` is not). */
function isDynamicSegment(segment: CascadeSegment): boolean {
  return segment.name !== undefined && /^\[.+\]$/.test(segment.name);
}

/** isPageStatic's reduce: the first `dynamic` set wins; `revalidate` likewise, but any smaller number overrides. */
export function reduceConfigTopDown(segments: readonly CascadeSegment[]): { dynamic?: unknown; revalidate?: unknown } {
  const config: { dynamic?: unknown; revalidate?: unknown } = {};
  for (const segment of segments) {
    const { dynamic, revalidate } = segment.config ?? {};
    if (config.dynamic === undefined) config.dynamic = dynamic;
    if (config.revalidate === undefined) config.revalidate = revalidate;
    if (typeof revalidate === 'number' && (typeof config.revalidate !== 'number' || revalidate < config.revalidate)) {
      config.revalidate = revalidate;
    }
  }
  return config;
}

async function runCascade(page: string, segments: readonly CascadeSegment[], calls: CascadeCall[]): Promise<{ params: Params[]; traces: ParamsTrace[]; hadAllParamsGenerated: boolean }> {
  let params: Params[] = [{}];
  let traces: ParamsTrace[] = [{ segmentIndex: -1 }];
  let hadAllParamsGenerated = false;
  for (const [segmentIndex, segment] of segments.entries()) {
    const gsp = segment.generateStaticParams;
    if (typeof gsp !== 'function') {
      // This dynamic level has no generateStaticParams; a later one may still cover it.
      if (isDynamicSegment(segment)) hadAllParamsGenerated = false;
      continue;
    }
    hadAllParamsGenerated = true;
    const nextParams: Params[] = [];
    const nextTraces: ParamsTrace[] = [];
    for (const parent of params) {
      let result: unknown;
      try {
        result = await (gsp as (arg: { params: Params }) => unknown)({ params: parent });
      } catch (error) {
        throw new AppStaticPathsError(error instanceof Error ? error.message : String(error), 'GSP_APP_THREW', segmentIndex, parent, { cause: error });
      }
      const items: Params[] = [];
      try {
        for (const item of result as Iterable<Params>) items.push(item);
      } catch (error) {
        // What build/utils.js's `for (const item of result)` throws, e.g. "result is not iterable".
        throw new AppStaticPathsError(`${(error as Error).name}: ${(error as Error).message}`, 'GSP_APP_INVALID_RETURN', segmentIndex, parent);
      }
      calls.push({ segmentIndex, params: parent, result: items });
      for (const item of items) {
        nextParams.push({ ...parent, ...item });
        nextTraces.push({ segmentIndex });
      }
    }
    params = nextParams;
    traces = nextTraces;
  }
  return { params, traces, hadAllParamsGenerated };
}

/** buildStaticPaths with `appDir: true`: a missing (`undefined`) param skips its object; the first path wins. */
function buildPaths(page: string, routeParams: readonly Params[], traces: readonly ParamsTrace[]): Entry[] {
  const routeRegex = getRouteRegex(page);
  const keys = Object.keys(getRouteMatcher(routeRegex)(page) || {});
  const byPathname = new Map<string, Entry>();
  routeParams.forEach((params, index) => {
    let builtPage = page;
    let encodedBuiltPage = page;
    const kept: Params = {};
    for (const key of keys) {
      const { repeat, optional } = routeRegex.groups[key]!;
      let value = params[key];
      if (optional && Object.prototype.hasOwnProperty.call(params, key) && (value === null || value === undefined || value === false)) value = [];
      if ((repeat && !Array.isArray(value)) || (!repeat && typeof value !== 'string')) {
        if (value === undefined) return;
        throw new AppStaticPathsError(
          `A required parameter (${key}) was not provided as ${repeat ? 'an array' : 'a string'} received ${typeof value} in generateStaticParams for ${page}`,
          'GSP_APP_MISSING_PARAM',
          traces[index]?.segmentIndex,
          params,
        );
      }
      kept[key] = value;
      let replaced = `[${repeat ? '...' : ''}${key}]`;
      if (optional) replaced = `[${replaced}]`;
      // Normalised after every replacement, as build/utils.js did.
      builtPage = normalizePathname(
        builtPage.replace(replaced, repeat ? (value as string[]).map((s) => escapePathDelimiters(s)).join('/') : escapePathDelimiters(value as string)),
      );
      encodedBuiltPage = normalizePathname(
        encodedBuiltPage.replace(replaced, repeat ? (value as string[]).map(encodeURIComponent).join('/') : encodeURIComponent(value as string)),
      );
    }
    if (byPathname.has(builtPage)) return;
    const entry: Entry = { url: builtPage, params: kept };
    if (encodedBuiltPage !== builtPage) entry.encodedUrl = encodedBuiltPage;
    byPathname.set(builtPage, entry);
  });
  return [...byPathname.values()];
}

export async function buildAppStaticPathsLegacy(input: LegacyAppStaticPathsInput): Promise<AppStaticPaths> {
  const { page, segments, isStaticExport } = input;
  const calls: CascadeCall[] = [];
  const { params, traces, hadAllParamsGenerated } = await runCascade(page, segments, calls);
  // build/index.js writes `fallback: null` for a route whose build result had a fallback, `false` otherwise;
  // a route without generated params always reports one.
  const dynamicParams = !segments.some((s) => s.config?.dynamicParams === false);
  const config = reduceConfigTopDown(segments);
  const result: AppStaticPaths = {
    unmatched: !hadAllParamsGenerated || dynamicParams ? 'blocking' : 'not-found',
    entries: hadAllParamsGenerated ? buildPaths(page, params, traces) : [],
    prerendered: hadAllParamsGenerated,
    params,
    traces,
    calls,
    // These releases encode without checking: a lone surrogate throws URIError from buildPaths, as there.
    unencodable: [],
  };
  if (config.revalidate !== 0 && config.dynamic !== 'force-dynamic') {
    if (result.entries.length === 0) {
      if (isStaticExport) {
        throw new AppStaticPathsError(`Page "${page}" is missing "generateStaticParams()" so it cannot be used with "output: export" config.`, 'APP_EXPORT_MISSING_GSP');
      }
      if (config.dynamic === 'error' || config.dynamic === 'force-static') result.prerendered = true;
    }
  } else {
    // `dynamic = 'force-dynamic'` sets revalidate 0: the export finds dynamic data and writes nothing.
    result.prerendered = false;
    result.entries = [];
    result.renderedOnRequest = config.dynamic === 'force-dynamic' ? 'force-dynamic' : 'revalidate-0';
  }
  return result;
}
