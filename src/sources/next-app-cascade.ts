import { encodeParam, escapePathDelimiters, normalizePathname } from '../model/encode.js';
import { getParamProperties, interceptionPrefix, type AppParamType } from '../model/app-segment-param.js';
import type { Entry, Unmatched } from '../model/types.js';
import type { NextRules } from '../project/next-version.js';
import { loneSurrogate } from '../model/unwritable-param.js';

/**
 * next@16.4.6 `build/static-paths/app.ts`: the `generateStaticParams` cascade (`generateRouteStaticParams`,
 * `callGenerateStaticParams`) and what `buildAppStaticPaths` and build/index.ts do with its result
 * (build/index.ts). Failures throw an AppStaticPathsError carrying Next's exact
 * text and the segment that caused it; the app front-end turns them into diagnostics.
 */

export type Params = Record<string, unknown>;

export interface CascadeSegment {
  /** The loader-tree segment name ('[slug]', '(group)', '__PAGE__'). */
  name?: string;
  generateStaticParams?: unknown;
  /** The segment config exports Next reads: dynamicParams, dynamic, revalidate. */
  config?: { dynamicParams?: unknown; dynamic?: unknown; revalidate?: unknown };
  paramName?: string;
  paramType?: AppParamType;
  /** Project-relative file of the segment's module (for messages). */
  file?: string;
}

export interface CascadeOptions {
  /** Next's page name, the normalised route: '/blog/[slug]'. */
  page: string;
  /** Cache Components on an app page (Next's `isRoutePPREnabled`). */
  isRoutePPREnabled: boolean;
  /** `output: 'export'`. */
  isStaticExport: boolean;
  /**
   * The release's rules where 15.5 to 16.5 differ (project/next-version.ts); both true when unset.
   * `validatesStaticParams`: results checked per call (16.3+); before, a wrong shape fails with the
   * JavaScript error that using it raises, as in Next. `exportChecksStaticParams`: the export's own
   * empty and incomplete-params errors (16.3+); before, such a route has no generated params and gets
   * the "missing generateStaticParams()" error, whose "See more info" link is 16.3+ too.
   */
  rules?: Partial<Pick<NextRules, 'validatesStaticParams' | 'exportChecksStaticParams' | 'exportMissingGspLink'>>;
}

export type AppStaticPathsErrorCode =
  | 'GSP_APP_THREW'
  | 'GSP_APP_INVALID_RETURN'
  | 'GSP_APP_INVALID_ENTRY'
  | 'GSP_APP_EMPTY'
  | 'GSP_APP_MISSING_PARAM'
  | 'APP_DYNAMIC_PARAMS_MISSING'
  | 'APP_EXPORT_DYNAMIC_PARAMS'
  | 'APP_EXPORT_EMPTY'
  | 'APP_EXPORT_INCOMPLETE'
  | 'APP_EXPORT_MISSING_GSP';

export class AppStaticPathsError extends Error {
  override name = 'AppStaticPathsError';
  constructor(
    message: string,
    readonly code: AppStaticPathsErrorCode,
    /** Index into the segment list of the function (or config) at fault, when one is. */
    readonly segmentIndex?: number,
    /** The offending params object, when one is. */
    readonly params?: Params,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  /** Set on APP_EXPORT_INCOMPLETE: the first incomplete params object and where it came from. */
  incomplete?: IncompleteParams;
}

/** Where a params object came from: the last function that contributed to it. */
export interface ParamsTrace {
  segmentIndex: number;
  /** A child whose generateStaticParams returned [] for this object, so it passed through unchanged. */
  passedThroughEmpty?: number;
}

export interface CascadeCall {
  segmentIndex: number;
  params: Params;
  result: readonly Params[];
}

const MORE_INFO = 'See more info here: https://nextjs.org/docs/messages/generate-static-params';

// shared/lib/errors/empty-generate-static-params-error.ts (the text Next falls back to; a build's compiler
// factory gives the same message with the stack anchored on the user's function).
const EMPTY_GSP_CACHE_COMPONENTS =
  'When using Cache Components, all `generateStaticParams` functions must return at least one result. ' +
  'This is to ensure that we can perform build-time validation that there is no other dynamic accesses that would cause a runtime error.\n\n' +
  'Learn more: https://nextjs.org/docs/messages/empty-generate-static-params';

function getValueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** shared/lib/is-plain-object.ts */
function isPlainObject(value: unknown): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

async function callGenerateStaticParams(
  page: string,
  segmentIndex: number,
  generateStaticParams: (arg: { params: Params }) => unknown,
  parentParams: Params,
  options: CascadeOptions,
): Promise<Params[]> {
  let generated: unknown;
  try {
    generated = await generateStaticParams({ params: parentParams });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppStaticPathsError(message, 'GSP_APP_THREW', segmentIndex, parentParams, { cause: error });
  }
  // Before 16.3 nothing checks the result; the cascade uses it as it is (see usingResult).
  if (options.rules?.validatesStaticParams === false) return generated as Params[];
  const isStaticExport = options.isStaticExport && options.rules?.exportChecksStaticParams !== false;
  if (!Array.isArray(generated)) {
    throw new AppStaticPathsError(
      `Invalid value returned from generateStaticParams for "${page}". Expected an array, but received type ${getValueType(generated)}. ${MORE_INFO}`,
      'GSP_APP_INVALID_RETURN',
      segmentIndex,
      parentParams,
    );
  }
  if (isStaticExport && generated.length === 0) {
    throw new AppStaticPathsError(
      `Page "${page}" returned an empty array from "generateStaticParams()". With "output: export", at least one route must be generated. ${MORE_INFO}`,
      'APP_EXPORT_EMPTY',
      segmentIndex,
      parentParams,
    );
  }
  for (const [index, params] of generated.entries()) {
    if (!isPlainObject(params)) {
      throw new AppStaticPathsError(
        `Invalid value at index ${index} returned from generateStaticParams for "${page}". Expected an object, but received type ${getValueType(params)}. ${MORE_INFO}`,
        'GSP_APP_INVALID_ENTRY',
        segmentIndex,
        parentParams,
      );
    }
  }
  return generated as Params[];
}

/**
 * Runs the cascade's own use of a result. A result the release did not validate (before 16.3) can make
 * that use throw, as in Next (`null.length`, spreading an object): the JavaScript error, named.
 */
function usingResult(segmentIndex: number, parent: Params, use: () => number): number {
  try {
    return use();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new AppStaticPathsError(`TypeError: ${error.message}`, 'GSP_APP_INVALID_RETURN', segmentIndex, parent);
  }
}

/**
 * The cascade, top segment first: a segment's function is called once per parent params object (or once
 * with `{}` when there is none), each result merged as `{...parent, ...item}`; a child returning `[]` lets
 * its parent through unchanged (an error under Cache Components). Also reports each call and, per params
 * object, which function produced it.
 */
export async function runCascade(
  segments: readonly CascadeSegment[],
  options: CascadeOptions,
  onCall?: (call: CascadeCall) => void,
): Promise<{ params: Params[]; traces: ParamsTrace[] }> {
  const { page, isRoutePPREnabled } = options;
  let params: Params[] = [];
  let traces: ParamsTrace[] = [];
  for (const [segmentIndex, segment] of segments.entries()) {
    const gsp = segment.generateStaticParams;
    if (typeof gsp !== 'function') continue;
    const call = gsp as (arg: { params: Params }) => unknown;
    const nextParams: Params[] = [];
    const nextTraces: ParamsTrace[] = [];
    if (params.length > 0) {
      for (const [i, parent] of params.entries()) {
        const result = await callGenerateStaticParams(page, segmentIndex, call, parent, options);
        onCall?.({ segmentIndex, params: parent, result: Array.isArray(result) ? result : [] });
        const found = usingResult(segmentIndex, parent, () => {
          if (result.length > 0) {
            for (const item of result) nextParams.push({ ...parent, ...item });
            return result.length;
          }
          return 0;
        });
        if (found > 0) {
          for (let k = 0; k < found; k++) nextTraces.push({ segmentIndex });
        } else if (isRoutePPREnabled) {
          throw new AppStaticPathsError(EMPTY_GSP_CACHE_COMPONENTS, 'GSP_APP_EMPTY', segmentIndex, parent);
        } else {
          nextParams.push(parent);
          nextTraces.push({ ...traces[i]!, passedThroughEmpty: segmentIndex });
        }
      }
    } else {
      const parent: Params = {};
      const result = await callGenerateStaticParams(page, segmentIndex, call, parent, options);
      onCall?.({ segmentIndex, params: parent, result: Array.isArray(result) ? result : [] });
      if (isRoutePPREnabled && result.length === 0) {
        throw new AppStaticPathsError(EMPTY_GSP_CACHE_COMPONENTS, 'GSP_APP_EMPTY', segmentIndex, parent);
      }
      const count = usingResult(segmentIndex, parent, () => nextParams.push(...result));
      for (let k = nextTraces.length; k < count; k++) nextTraces.push({ segmentIndex });
    }
    params = nextParams;
    traces = nextTraces;
  }
  return { params, traces };
}

/** Next's `generateRouteStaticParams(segments, store, isRoutePPREnabled, rootParamKeys, isStaticExport)`. */
export async function generateRouteStaticParams(
  segments: readonly CascadeSegment[],
  options: CascadeOptions,
): Promise<Params[]> {
  return (await runCascade(segments, options)).params;
}

export interface PathnameParamSegment {
  name: string;
  paramName: string;
  paramType: AppParamType;
}

export interface AppStaticPathsInput extends CascadeOptions {
  segments: readonly CascadeSegment[];
  /** The params that form the URL, in URL order. */
  pathnameParams: readonly PathnameParamSegment[];
}

export interface IncompleteParams {
  /** The first params object that lacks a URL param, and the names it lacks. */
  params: Params;
  missing: string[];
  trace: ParamsTrace;
  /** How many params objects the cascade produced in all. */
  total: number;
}

export interface AppStaticPaths {
  unmatched: Unmatched;
  entries: Entry[];
  /**
   * Whether the build records the route in the prerender manifest's `dynamicRoutes` (Next's
   * `prerenderedRoutes !== undefined`, or `dynamic = 'force-static' | 'error'` without generated params).
   * False means the route is rendered on every request (`ƒ`).
   */
  prerendered: boolean;
  /**
   * Set when the route's config makes it render on every request whatever its params: `dynamic =
   * 'force-dynamic'` or `revalidate = 0` (build/index.ts `hasRevalidateZero` marks such a page dynamic, so
   * the URLs its generateStaticParams lists are not prerendered either).
   */
  renderedOnRequest?: 'force-dynamic' | 'revalidate-0';
  /** Set when Next prerenders nothing because one params object lacks a URL param (§2.4 step 9). */
  incomplete?: IncompleteParams;
  params: Params[];
  traces: ParamsTrace[];
  calls: CascadeCall[];
  /**
   * Params objects left out because a value holds a lone surrogate: Next's `encodeURIComponent` throws "URI
   * malformed" on it and the whole build fails; the model names the key and value and keeps the rest.
   */
  unencodable: Array<{ key: string; value: unknown; params: Params }>;
}

type FallbackMode = 'NOT_FOUND' | 'BLOCKING_STATIC_RENDER' | 'PRERENDER';

const UNMATCHED: Record<FallbackMode, Unmatched> = {
  NOT_FOUND: 'not-found',
  BLOCKING_STATIC_RENDER: 'blocking',
  PRERENDER: 'fallback',
};

/**
 * `validateParams`: only the URL's params are kept (extra keys vanish), an optional catch-all given
 * null/undefined/false becomes [], and a value of the wrong type is an error. Under Cache Components a
 * missing value ends the object: the rest become fallback params.
 */
function validateParams(
  page: string,
  isRoutePPREnabled: boolean,
  pathnameParams: readonly PathnameParamSegment[],
  routeParams: readonly Params[],
  traces: readonly (ParamsTrace | undefined)[],
): Params[] {
  const valid: Params[] = [];
  routeParams.forEach((params, index) => {
    const item: Params = {};
    for (const { paramName: key, paramType } of pathnameParams) {
      const { repeat, optional } = getParamProperties(paramType);
      let value = params[key];
      if (optional && Object.prototype.hasOwnProperty.call(params, key) && (value === null || value === undefined || value === false)) {
        value = [];
      }
      if (!value && isRoutePPREnabled) break;
      if (repeat ? !Array.isArray(value) : typeof value !== 'string') {
        throw new AppStaticPathsError(
          `A required parameter (${key}) was not provided as ${repeat ? 'an array' : 'a string'} received ${typeof value} in generateStaticParams for ${page}`,
          'GSP_APP_MISSING_PARAM',
          traces[index]?.segmentIndex,
          params,
        );
      }
      item[key] = value;
    }
    valid.push(item);
  });
  return valid;
}

function valueKey(value: unknown): string {
  if (Array.isArray(value)) return `A:${value.join(',')}`;
  if (value === undefined) return 'U:undefined';
  return `S:${String(value)}`;
}

/** `filterUniqueParams`: the first of equal params objects wins; keys are type-tagged. */
export function filterUniqueParams(pathnameParams: readonly { paramName: string }[], routeParams: readonly Params[]): Params[] {
  const unique = new Map<string, Params>();
  for (const params of routeParams) {
    let key = '';
    for (const { paramName } of pathnameParams) key += `${paramName}:${valueKey(params[paramName])}|`;
    if (!unique.has(key)) unique.set(key, params);
  }
  return [...unique.values()];
}

/** `generateAllParamCombinations` without root params: every prefix of every params object, once. */
function generateAllParamCombinations(pathnameParams: readonly PathnameParamSegment[], routeParams: readonly Params[]): Params[] {
  const combinations = new Map<string, Params>();
  for (const params of routeParams) {
    for (let i = 0; i < pathnameParams.length; i++) {
      const combination: Params = {};
      const keyParts: string[] = [];
      for (let j = 0; j <= i; j++) {
        const { paramName } = pathnameParams[j]!;
        if (!Object.prototype.hasOwnProperty.call(params, paramName) || params[paramName] === undefined) break;
        const value = params[paramName];
        combination[paramName] = value;
        keyParts.push(`${paramName}:${Array.isArray(value) ? `A:${value.join(',')}` : `S:${String(value)}`}`);
      }
      const key = keyParts.join('|');
      if (!combinations.has(key)) combinations.set(key, combination);
    }
  }
  return [...combinations.values()];
}

function replacements(paramType: AppParamType, value: unknown): { pathname: string; encodedPathname: string } {
  const prefix = interceptionPrefix(paramType);
  return {
    pathname: prefix + encodeParam(value, (v) => escapePathDelimiters(v)),
    encodedPathname: prefix + encodeParam(value, encodeURIComponent),
  };
}

/**
 * `buildAppStaticPaths` followed by build/index.ts's app checks: runs the cascade and turns its params
 * into the route's concrete URLs and fallback mode, with every check and error of the real build.
 */
export async function buildAppStaticPaths(input: AppStaticPathsInput): Promise<AppStaticPaths> {
  const { page, segments, pathnameParams, isRoutePPREnabled, isStaticExport } = input;

  const explicitDynamicParams = segments.findIndex((s) => s.config?.dynamicParams === true);
  if (explicitDynamicParams !== -1 && isStaticExport) {
    throw new AppStaticPathsError(
      '"dynamicParams: true" cannot be used with "output: export". See more info here: https://nextjs.org/docs/app/building-your-application/deploying/static-exports',
      'APP_EXPORT_DYNAMIC_PARAMS',
      explicitDynamicParams,
    );
  }

  const calls: CascadeCall[] = [];
  const { params: routeParams, traces } = await runCascade(segments, input, (call) => calls.push(call));

  const missingParamNames = new Set<string>();
  if (routeParams.length > 0) {
    for (const { paramName } of pathnameParams) {
      for (const params of routeParams) if (!(paramName in params)) missingParamNames.add(paramName);
    }
  }

  let lastDynamicSegmentHadGenerateStaticParams = false;
  for (const [index, segment] of segments.entries()) {
    if (segment.paramName && segment.paramType && segment.config?.dynamicParams === false) {
      for (const params of routeParams) {
        if (segment.paramName in params) continue;
        throw new AppStaticPathsError(
          `Segment "${segment.file}" exports "dynamicParams: false" but the param "${segment.paramName}" is missing from the generated route params.`,
          'APP_DYNAMIC_PARAMS_MISSING',
          index,
          params,
        );
      }
    }
    if (segment.paramName && segment.paramType && typeof segment.generateStaticParams !== 'function') {
      lastDynamicSegmentHadGenerateStaticParams = false;
    } else if (typeof segment.generateStaticParams === 'function') {
      lastDynamicSegmentHadGenerateStaticParams = true;
    }
  }

  const hadAllParamsGenerated = pathnameParams.length === 0 || (routeParams.length > 0 && missingParamNames.size === 0);

  let incomplete: IncompleteParams | undefined;
  if (!hadAllParamsGenerated && routeParams.length > 0) {
    const index = routeParams.findIndex((p) => pathnameParams.some(({ paramName }) => !(paramName in p)));
    const params = routeParams[index]!;
    incomplete = {
      params,
      missing: pathnameParams.map((p) => p.paramName).filter((n) => !(n in params)),
      trace: traces[index]!,
      total: routeParams.length,
    };
  }

  if (isStaticExport && incomplete && input.rules?.exportChecksStaticParams !== false) {
    const error = new AppStaticPathsError(
      `Page "${page}" returned incomplete params from "generateStaticParams()". With "output: export", every params object must include all dynamic route parameters. Missing: ${[...missingParamNames].map((name) => `"${name}"`).join(', ')}. ${MORE_INFO}`,
      'APP_EXPORT_INCOMPLETE',
      incomplete.trace.segmentIndex,
      incomplete.params,
    );
    error.incomplete = incomplete;
    throw error;
  }

  // A route-wide AND (Next's TODO: "dynamic params should be allowed to be granular per segment").
  const dynamicParams = segments.every((s) => s.config?.dynamicParams !== false);
  const fallbackMode: FallbackMode = dynamicParams ? (isRoutePPREnabled ? 'PRERENDER' : 'BLOCKING_STATIC_RENDER') : 'NOT_FOUND';

  const byPathname = new Map<string, Entry>();
  const unencodable: AppStaticPaths['unencodable'] = [];
  if (hadAllParamsGenerated || isRoutePPREnabled) {
    const toProcess = isRoutePPREnabled ? generateAllParamCombinations(pathnameParams, routeParams) : routeParams;
    const toProcessTraces = isRoutePPREnabled ? [] : traces;
    for (const params of filterUniqueParams(pathnameParams, validateParams(page, isRoutePPREnabled, pathnameParams, toProcess, toProcessTraces))) {
      let pathname = page;
      let encodedPathname = page;
      let complete = true;
      for (const { name, paramName, paramType } of pathnameParams) {
        const value = params[paramName];
        // A falsy value ('' included) drops the whole object; under Cache Components it ends a shell
        // with fallback params, which is no concrete URL either.
        if (!value) {
          complete = false;
          break;
        }
        if (loneSurrogate(value) !== undefined) {
          unencodable.push({ key: paramName, value, params });
          complete = false;
          break;
        }
        const r = replacements(paramType, value);
        pathname = pathname.replace(name, r.pathname);
        encodedPathname = encodedPathname.replace(name, r.encodedPathname);
      }
      if (!complete) continue;
      pathname = normalizePathname(pathname);
      encodedPathname = normalizePathname(encodedPathname);
      const entry: Entry = { url: pathname, params };
      if (encodedPathname !== pathname) entry.encodedUrl = encodedPathname;
      // Last write wins per pathname (a Map `.set`), unlike filterUniqueParams.
      byPathname.set(pathname, entry);
    }
  }

  const entries = [...byPathname.values()];
  let prerendered = byPathname.size > 0 || lastDynamicSegmentHadGenerateStaticParams || isRoutePPREnabled;

  // build/index.ts: a dynamic route with no generated params (`hasGenerateStaticParams` false).
  const revalidate = reduceConfig(segments, 'revalidate');
  const dynamic = isRoutePPREnabled ? undefined : reduceConfig(segments, 'dynamic');
  const forceDynamic = reduceConfig(segments, 'dynamic') === 'force-dynamic' && !isRoutePPREnabled;
  if (revalidate !== 0 && !forceDynamic) {
    const hasGenerated = entries.some((e) => Object.keys(e.params).length > 0);
    if (pathnameParams.length > 0 && !hasGenerated) {
      if (isStaticExport) {
        throw new AppStaticPathsError(
          `Page "${page}" is missing "generateStaticParams()" so it cannot be used with "output: export" config.${input.rules?.exportMissingGspLink === false ? '' : ` ${MORE_INFO}`}`,
          'APP_EXPORT_MISSING_GSP',
        );
      }
      if (dynamic === 'error' || dynamic === 'force-static') prerendered = true;
    }
  }

  const result: AppStaticPaths = { unmatched: UNMATCHED[fallbackMode], entries, prerendered, params: routeParams, traces, calls, unencodable };
  if (forceDynamic || revalidate === 0) {
    // A real build of app/x/[id]/page.jsx with dynamic = 'force-dynamic' and a generateStaticParams
    // listing id 1: `ƒ /x/[id]`, no /x/1 in the prerender manifest.
    result.prerendered = false;
    result.entries = [];
    result.renderedOnRequest = forceDynamic ? 'force-dynamic' : 'revalidate-0';
  }
  if (incomplete && !isRoutePPREnabled) result.incomplete = incomplete;
  return result;
}

/**
 * Whether `next build` prerenders a page without URL params: it is static unless it opts out
 * (`dynamic = 'force-dynamic'` or `revalidate = 0`, build/index.ts `appConfig.revalidate !== 0`). Route
 * handlers follow rules of their own (next-app-route-handler.ts).
 */
export function isStaticPagePrerendered(segments: readonly CascadeSegment[], isRoutePPREnabled: boolean): boolean {
  if (isRoutePPREnabled) return true;
  return reduceConfig(segments, 'dynamic') !== 'force-dynamic' && reduceConfig(segments, 'revalidate') !== 0;
}

/** build/utils.ts `reduceAppConfig` for one key: the deepest segment that sets it wins. */
export function reduceConfig(segments: readonly CascadeSegment[], key: 'dynamic' | 'revalidate'): unknown {
  let value: unknown;
  for (const segment of segments) {
    const v = segment.config?.[key];
    if (v !== undefined) value = v;
  }
  return value;
}
