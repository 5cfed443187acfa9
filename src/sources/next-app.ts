import { readFileSync } from 'node:fs';
import path from 'node:path';
import { faultCode } from '../load/call-guard.js';
import { loadReact } from '../load/react-entry.js';
import type { Loaded, ModuleSession } from '../load/load-modules.js';
import { parsePattern } from '../model/segments.js';
import { loneSurrogate, unwritableParam } from '../model/unwritable-param.js';
import type { Diagnostic, Provider, Route } from '../model/types.js';
import { exportPathError } from '../model/export-path.js';
import { interceptionInfo, isInterceptionRoute } from '../model/interception.js';
import { appPathsError } from '../model/validate-app-paths.js';
import { nextRules, type ParamsShape } from '../project/next-version.js';
import type { Project } from '../project/types.js';
import type { SourceResult } from './contract.js';
import { declaredSegment } from './declared-in-source.js';
import { probeRequestApis, type ProbeResult, type ProbeSegment } from './next-app-probe.js';
import { routeHandlerDynamicReason } from './next-app-route-handler.js';
import {
  AppStaticPathsError,
  reduceConfig,
  buildAppStaticPaths,
  isStaticPagePrerendered,
  type AppStaticPaths,
  type CascadeSegment,
  type IncompleteParams,
} from './next-app-cascade.js';
import { loadFollowingLinks } from './load-linked.js';
import { scanAppFiles, type AppRouteFiles, type AppSegmentFile } from './next-app-files.js';
import { fileMetadataRoute, finishMetadataRoute, metadataRouteExports, metadataStaticBailout } from './next-app-metadata.js';
import { buildAppStaticPathsLegacy, reduceConfigTopDown } from './next-app-static-paths-14.js';

/**
 * The Next.js app router front-end: every `page` and `route` file of `app/` becomes one route; dynamic
 * routes get their URLs from the `generateStaticParams` cascade exactly as next@16.4.6 builds them. What
 * the build would reject is an error diagnostic with Next's own text; what it silently does not prerender
 * (an incomplete params object, a route with no generated params) is said out loud.
 */

const GSP = 'generateStaticParams';
// Segment config Next rejects at compile time under Cache Components: its SWC transform fails with the text
// below (it is in @next/swc-*'s binary, not in next/dist; a real build of such a page fails with it).
const CACHE_COMPONENTS_INCOMPATIBLE = ['dynamicParams', 'dynamic', 'revalidate', 'fetchCache'] as const;

export async function nextAppSource(project: Project, session: ModuleSession): Promise<SourceResult> {
  const diagnostics: Diagnostic[] = [];
  const routes: Route[] = [];
  const next = project.next;
  if (!project.appDir || !next) return { routes, diagnostics };
  const rel = (abs: string): string => path.relative(project.root, abs).split(path.sep).join('/');

  const files = scanAppFiles(project.appDir, next.pageExtensions, project.root);
  diagnostics.push(...files.diagnostics);
  // 16.2+; before, app routes went through getSortedRoutes with the pages (routes/next-route-conflicts.ts),
  // or, in 15.5 to 16.1, through no check at build time.
  const conflict = nextRules(next).appRouteCheck === 'validate-app-paths' ? appPathsError(files.normalizedPaths) : undefined;
  if (conflict) {
    const named = files.routes.find((r) => conflict.includes(`"${r.pattern}"`) || conflict.includes(`- ${r.pattern}\n`));
    diagnostics.push({ severity: 'error', code: 'APP_ROUTE_CONFLICT', file: rel((named ?? files.routes[0]!).file), message: conflict });
  }

  const moduleFiles = [...new Set(files.routes.filter(runsCode).flatMap((r) => [...r.segments, ...r.childrenSegments].flatMap((s) => (s.file ? [s.file] : []))))];
  const modules = await loadFollowingLinks(session, project.root, moduleFiles, 'app');
  for (const [file, loaded] of modules) {
    if (loaded.ok) continue;
    const d: Diagnostic = {
      severity: 'error',
      code: loaded.error.fault ?? 'MODULE_LOAD',
      file: loaded.error.file ?? rel(file),
      message: `Cannot load ${rel(file)}: ${loaded.error.message}`,
    };
    if (loaded.error.line !== undefined) d.line = loaded.error.line;
    if (loaded.error.column !== undefined) d.column = loaded.error.column;
    diagnostics.push(d);
  }

  // Read once: a root layout is a segment of every route.
  const clientModules = new Set(moduleFiles.filter(isClientModule));
  // The server layer's React: the instance the bundled modules load (load/react-entry.ts).
  const react = loadReact('app', project.root);
  for (const routeFiles of files.routes) {
    if (routeFiles.metadata && !runsCode(routeFiles)) {
      const built = fileMetadataRoute(routeFiles, routeFiles.metadata, rel(routeFiles.file), next.output === 'export');
      routes.push(built.route);
      diagnostics.push(...built.diagnostics);
      continue;
    }
    if (routeFiles.kind === 'page' && !routeFiles.segments.some((segment) => segment.role === 'layout')) {
      diagnostics.push(noRootLayout(routeFiles, project.appDir, rel));
    }
    const built = await buildRoute(project, session, routeFiles, modules, clientModules, rel);
    if (isInterceptionRoute(built.route.pattern)) {
      // Built all the same: what would fail `next build` (a throwing generateStaticParams) is still reported.
      diagnostics.push(...built.diagnostics.filter((d) => d.severity === 'error'), interceptingRouteDiagnostic(built.route));
      continue;
    }
    if (built.segments) built.diagnostics.push(...(await checkRequestApis(built.route, routeFiles, built.segments, modules, session, react, nextRules(next).paramsAs)));
    if (routeFiles.metadata) await finishMetadataRoute(built, routeFiles.metadata, modules.get(routeFiles.file), session, next.output === 'export', nextRules(next).metadataArgs);
    routes.push(built.route);
    diagnostics.push(...built.diagnostics);
  }
  return { routes, diagnostics };
}

/**
 * `next build` stops when a page has no layout above it (build/webpack/loaders/next-app-loader/index.ts:
 * "`<page>` doesn't have a root layout", then `process.exit(1)`; Turbopack says the same). Only `next dev`
 * writes one for you.
 */
function noRootLayout(files: AppRouteFiles, appDir: string, rel: (file: string) => string): Diagnostic {
  const page = path.relative(appDir, files.file).split(path.sep).join('/');
  return {
    severity: 'error',
    code: 'APP_NO_ROOT_LAYOUT',
    file: rel(files.file),
    message: `${page} doesn't have a root layout. To fix this error, make sure every page has a root layout.`,
  };
}

/** A metadata file served as it is runs no code; nor does one next build never prerenders. */
function runsCode(route: AppRouteFiles): boolean {
  return !route.metadata || (route.metadata.dynamic && route.metadata.listed);
}

/**
 * A page that reaches a request-time API while it renders is dynamic in `next build`: no URL of it is
 * prerendered (next-app-probe.ts). `dynamic = 'force-static'` makes those APIs answer empty instead, and
 * `dynamic = 'error'` turns their use into a build error.
 */
async function checkRequestApis(
  route: Route,
  files: AppRouteFiles,
  segments: readonly CascadeSegment[],
  modules: ReadonlyMap<string, Loaded>,
  session: ModuleSession,
  react: unknown,
  paramsAs: ParamsShape,
): Promise<Diagnostic[]> {
  const dynamic = reduceConfig(segments, 'dynamic');
  if (route.kind !== 'page' || route.entries.length === 0 || dynamic === 'force-static' || files.pathnameParams.length !== paramCount(route)) return [];
  const probeSegments: ProbeSegment[] = [];
  for (const segment of files.segments) {
    if (!segment.file || (segment.role !== 'layout' && segment.role !== 'page')) continue;
    const loaded = modules.get(segment.file);
    if (!loaded?.ok) return [];
    probeSegments.push({ exports: loaded.module, role: segment.role });
  }
  const first = route.entries[0]!;
  const probe = session.guarded({ file: route.file, function: 'render', route: route.pattern }, () => probeRequestApis(probeSegments, first.params, first.url, react, paramsAs));
  let result: ProbeResult;
  try {
    result = await probe();
  } catch (error) {
    result = { error };
  }
  if (result.api) {
    if (dynamic === 'error') {
      return [{
        severity: 'error',
        code: 'APP_DYNAMIC_ERROR',
        file: route.file,
        // The StaticGenBailoutError of server/request/headers.ts (and cookies.ts, connection.ts), word for word.
        message: `Route ${route.pattern} with \`dynamic = "error"\` couldn't be rendered statically because it used \`${result.api}\`. See more info here: https://nextjs.org/docs/app/building-your-application/rendering/static-and-dynamic#dynamic-rendering`,
      }];
    }
    route.entries = [];
    route.unmatched = 'blocking';
    return [fullyDynamic(route, `rendering ${first.url} calls ${result.api}, a request-time API`)];
  }
  if (result.error !== undefined) {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    return [{
      severity: 'info',
      code: 'APP_RENDER_PROBE',
      file: route.file,
      message: `Rendering ${first.url} to look for request-time APIs (headers(), cookies(), searchParams, ...) stopped early: ${message}. If the page uses one, Next.js renders it on every request instead of prerendering it.`,
    }];
  }
  return [];
}

/** The params a route's URL holds (parallel-slot params excluded). */
function paramCount(route: Route): number {
  return route.segments.filter((s) => s.kind !== 'static').length;
}

/**
 * An intercepting route is no route of its own (Next's manifests list it only as a rewrite target): its
 * page replaces the intercepted route's during a client-side navigation, and a direct request, or a static
 * build, serves the intercepted route.
 */
function interceptingRouteDiagnostic(route: Route): Diagnostic {
  let info;
  try {
    info = interceptionInfo(route.pattern);
  } catch (error) {
    return { severity: 'error', code: 'APP_INTERCEPTION_ROUTE', file: route.file, message: (error as Error).message };
  }
  return {
    severity: 'info',
    code: 'APP_INTERCEPTING_ROUTE',
    file: route.file,
    message:
      `${route.pattern} is an intercepting route: Next.js shows it in place of ${info.interceptedRoute} only on a client-side navigation ` +
      `from ${info.interceptingRoute}, and has no URL for it. It is not listed; a direct request or a static build serves ${info.interceptedRoute}.`,
  };
}

async function buildRoute(
  project: Project,
  session: ModuleSession,
  files: AppRouteFiles,
  modules: ReadonlyMap<string, Loaded>,
  clientModules: ReadonlySet<string>,
  rel: (abs: string) => string,
): Promise<{ route: Route; diagnostics: Diagnostic[]; segments?: CascadeSegment[] }> {
  const next = project.next!;
  const rules = nextRules(next);
  // next@13.5–14.2 walk the loader tree's children branch only (next-app-static-paths-14.ts).
  const fileSegments = rules.legacyAppStaticPaths ? files.childrenSegments : files.segments;
  const diagnostics: Diagnostic[] = [];
  const route: Route = {
    pattern: files.pattern,
    segments: parsePattern(files.pattern),
    file: rel(files.file),
    origin: 'next-app',
    kind: files.kind,
    providers: [],
    unmatched: 'not-found',
    entries: [],
  };
  const isRoutePPREnabled = files.kind === 'page' && next.cacheComponents;
  const isStaticExport = next.output === 'export';

  let loadFailed = false;
  let edge = false;
  let handlerExports: Record<string, unknown> = {};
  let nonStaticMethods = false;
  const segments: CascadeSegment[] = fileSegments.map((segment) => {
    const cascade: CascadeSegment = { name: segment.name };
    if (segment.paramName) cascade.paramName = segment.paramName;
    if (segment.paramType) cascade.paramType = segment.paramType;
    if (!segment.file) return cascade;
    cascade.file = rel(segment.file);
    const loaded = modules.get(segment.file);
    if (!loaded?.ok) {
      loadFailed = true;
      return cascade;
    }
    const exports = files.metadata ? metadataRouteExports(files.metadata, loaded.module) : loaded.module;
    if (segment.role === 'route') {
      handlerExports = exports;
      // app-route module `hasNonStaticMethods` (next@14.2.35): these exports keep a handler out of the
      // static export (PUT is not among them there).
      nonStaticMethods = ['POST', 'DELETE', 'PATCH', 'OPTIONS'].some((m) => !!exports[m]);
    }
    // Only server components have segment config; "use client" plus generateStaticParams does not compile.
    if (clientModules.has(segment.file)) {
      if (typeof exports[GSP] === 'function' && segment.role === 'page') {
        diagnostics.push({
          severity: 'error',
          code: 'APP_CLIENT_GSP',
          file: cascade.file,
          function: GSP,
          message: `App pages cannot use both "use client" and export function "generateStaticParams()".`,
        });
      }
      return cascade;
    }
    const config: NonNullable<CascadeSegment['config']> = {};
    for (const key of ['dynamicParams', 'dynamic', 'revalidate'] as const) {
      if (exports[key] !== undefined) config[key] = exports[key];
    }
    if (next.cacheComponents) {
      for (const key of CACHE_COMPONENTS_INCOMPATIBLE) {
        if (exports[key] === undefined) continue;
        diagnostics.push({
          severity: 'error',
          code: 'APP_SEGMENT_CONFIG',
          file: cascade.file,
          message: `Route segment config "${key}" is not compatible with \`nextConfig.cacheComponents\`. Please remove it.`,
        });
      }
    }
    if (Object.keys(config).length > 0) cascade.config = config;
    if (exports.runtime === 'edge') edge = true;
    if (typeof exports[GSP] === 'function') {
      cascade.generateStaticParams = session.guarded({ file: cascade.file, function: GSP, route: files.pattern }, exports[GSP] as (arg: object) => unknown);
      if (exports.runtime === 'edge') {
        diagnostics.push({
          severity: 'error',
          code: 'APP_EDGE_GSP',
          file: cascade.file,
          function: GSP,
          message: 'Edge runtime is not supported with `generateStaticParams`.',
        });
      }
    }
    return cascade;
  });

  route.providers = providersOf(fileSegments, segments, rel);
  if (loadFailed) return { route: await withDeclaredMode(route, files), diagnostics };

  // Route handlers of Next 15 and later (next-app-route-handler.ts). Metadata routes are exempt from the
  // opt-in (export/routes/app-route.ts `isPageMetadataRoute`): metadataStaticBailout decides for them; and
  // Next 14.2's rule is isStaticRoutePrerenderedLegacy's.
  const handlerDynamic =
    files.kind === 'route-handler' && !files.metadata && !rules.legacyAppStaticPaths ? routeHandlerDynamicReason(handlerExports, next.cacheComponents) : undefined;
  if (files.pathnameParams.length === 0) {
    if (files.metadata) {
      const bailout = metadataStaticBailout(files.pattern, segments, next.cacheComponents);
      if (bailout) {
        route.unmatched = 'blocking';
        diagnostics.push(fullyDynamic(route, bailout));
      } else route.entries = [{ url: files.pattern, params: {} }];
      return { route, diagnostics, segments };
    }
    const prerendered = rules.legacyAppStaticPaths
      ? isStaticRoutePrerenderedLegacy(files.kind, segments, nonStaticMethods)
      : files.kind === 'route-handler'
        ? handlerDynamic === undefined
        : isStaticPagePrerendered(segments, isRoutePPREnabled);
    if (prerendered) route.entries = [{ url: files.pattern, params: {} }];
    else {
      // Its one URL is rendered on each request.
      route.unmatched = 'blocking';
      const why =
        files.kind === 'page'
          ? "it exports dynamic = 'force-dynamic' or revalidate = 0"
          : rules.legacyAppStaticPaths
            ? "it exports dynamic = 'force-dynamic', revalidate = 0 or a method other than GET"
            : handlerDynamic!;
      diagnostics.push(fullyDynamic(route, why));
    }
    return { route, diagnostics, segments };
  }
  if (edge) {
    // The edge runtime skips static paths altogether (build/utils.ts isPageStatic).
    route.unmatched = 'blocking';
    diagnostics.push(fullyDynamic(route, 'it uses the edge runtime'));
    return { route, diagnostics };
  }

  let result: AppStaticPaths;
  try {
    result = await session.run(() =>
      rules.legacyAppStaticPaths
        ? buildAppStaticPathsLegacy({ page: files.pattern, segments, isStaticExport })
        : buildAppStaticPaths({
            page: files.pattern,
            segments,
            pathnameParams: files.pathnameParams,
            isRoutePPREnabled,
            isStaticExport,
            rules: {
              validatesStaticParams: rules.validatesStaticParams,
              exportChecksStaticParams: rules.exportChecksStaticParams,
              exportMissingGspLink: rules.exportMissingGspLink,
            },
          }),
    );
  } catch (error) {
    diagnostics.push(errorDiagnostic(error, route, segments));
    // Next's export message names only the missing keys; say which object and which function too.
    if (error instanceof AppStaticPathsError && error.incomplete) {
      diagnostics.push(incompleteDiagnostic(route, segments, error.incomplete, 'error'));
    }
    return { route, diagnostics };
  }

  route.entries = result.entries.filter((entry) => {
    const mismatch = exportPathError(route.pattern, entry, undefined);
    if (mismatch) diagnostics.push({ severity: 'error', code: 'GSP_APP_EXPORT_PATH_MISMATCH', file: route.file, function: GSP, message: mismatch });
    return !mismatch;
  });
  route.providers = providersOf(fileSegments, segments, rel, result);

  if (!result.prerendered) {
    // Absent from the prerender manifest, so no `dynamicParams = false` applies: every URL is rendered on
    // request (app-static's partial-params-false/[locale]/[slug] answers 200 for an unlisted slug).
    route.unmatched = 'blocking';
    const why =
      result.renderedOnRequest === 'force-dynamic'
        ? "it exports dynamic = 'force-dynamic'"
        : result.renderedOnRequest === 'revalidate-0'
          ? 'it exports revalidate = 0'
          : lastSegmentWithoutParams(files, segments, result);
    diagnostics.push(fullyDynamic(route, why));
    return { route, diagnostics };
  }
  route.unmatched = result.unmatched;
  if (handlerDynamic !== undefined) {
    // Every URL the params gave is exported, and each one comes back dynamic.
    route.entries = [];
    route.unmatched = 'blocking';
    diagnostics.push(fullyDynamic(route, handlerDynamic));
    return { route, diagnostics };
  }
  if (result.incomplete) diagnostics.push(incompleteDiagnostic(route, segments, result.incomplete, 'warning'));
  else if (result.params.length === 0 && result.entries.length === 0) {
    if (segments.some((s) => typeof s.generateStaticParams === 'function')) {
      diagnostics.push({
        severity: 'info',
        code: 'GSP_APP_EMPTY_RESULT',
        file: route.file,
        function: GSP,
        message: `generateStaticParams returned no params for ${route.pattern}: Next.js prerenders no URL of it and renders each one on first request, so a static build gets no page for it.`,
      });
    } else {
      // Under Cache Components only the fallback shell; otherwise dynamic = 'force-static' or 'error'
      // without generateStaticParams: recorded as static, nothing listed.
      const how = isRoutePPREnabled
        ? 'with Cache Components Next.js prerenders only its fallback shell and renders each URL into it on request'
        : `Next.js records it as static (dynamic = '${rules.legacyAppStaticPaths ? reduceConfigTopDown(segments).dynamic : reduceDynamic(segments)}') but prerenders no URL of it and renders each one on first request`;
      diagnostics.push({
        severity: 'info',
        code: 'APP_NO_GENERATED_PARAMS',
        file: route.file,
        message: `${route.pattern} has no generateStaticParams: ${how}, so a static build gets no page for it.`,
      });
    }
  }
  diagnostics.push(...paramDiagnostics(route, segments, result));
  return { route, diagnostics, segments };
}

/**
 * A route with a module that could not be loaded keeps what its sources declare: a static page its URL, a
 * dynamic route `not-found` when a segment exports `dynamicParams = false` (else Next's default, rendered on
 * request); the load error says why there is nothing more.
 */
async function withDeclaredMode(route: Route, files: AppRouteFiles): Promise<Route> {
  const declared = await Promise.all(files.segments.flatMap((segment) => (segment.file ? [declaredSegment(segment.file)] : [])));
  const dynamic = declared.reduce<string | undefined>((value, segment) => segment.dynamic ?? value, undefined);
  if (files.pathnameParams.length === 0) {
    if (route.kind === 'page' && dynamic !== 'force-dynamic') route.entries = [{ url: route.pattern, params: {} }];
    return route;
  }
  route.unmatched = declared.some((segment) => segment.dynamicParams === false) ? 'not-found' : 'blocking';
  return route;
}

/** Why a dynamic route is rendered on every request: no generateStaticParams reaches its last dynamic segment. */
function lastSegmentWithoutParams(files: AppRouteFiles, segments: readonly CascadeSegment[], result: AppStaticPaths): string {
  const producers = segments.filter((s) => typeof s.generateStaticParams === 'function' && s.file).map((s) => s.file!);
  if (producers.length === 0) return 'it has no generateStaticParams';
  const missing = files.pathnameParams.filter((p) => !result.params.some((params) => p.paramName in params)).map((p) => p.name);
  const last = missing[missing.length - 1] ?? files.pathnameParams[files.pathnameParams.length - 1]!.name;
  const keys = [...new Set(result.params.flatMap((p) => Object.keys(p)))].map((k) => `"${k}"`);
  const provides = keys.length > 0 ? `provides only ${keys.join(', ')}` : 'provides no params';
  return `no generateStaticParams at or below its dynamic segment ${last}: generateStaticParams in ${producers.join(', ')} ${provides}`;
}

/** Each function that can contribute keys, in cascade order, with the keys its results held. */
function providersOf(
  fileSegments: readonly AppSegmentFile[],
  segments: readonly CascadeSegment[],
  rel: (abs: string) => string,
  result?: AppStaticPaths,
): Provider[] {
  const providers: Provider[] = [];
  segments.forEach((segment, index) => {
    if (typeof segment.generateStaticParams !== 'function') return;
    const keys: string[] = [];
    for (const call of result?.calls ?? []) {
      if (call.segmentIndex !== index) continue;
      for (const item of call.result) for (const key of Object.keys(item)) if (!keys.includes(key)) keys.push(key);
    }
    providers.push({ file: rel(fileSegments[index]!.file!), function: GSP, keys });
  });
  return providers;
}

function errorDiagnostic(error: unknown, route: Route, segments: readonly CascadeSegment[]): Diagnostic {
  if (!(error instanceof AppStaticPathsError)) {
    return { severity: 'error', code: 'GSP_APP_THREW', file: route.file, function: GSP, message: String((error as Error)?.message ?? error) };
  }
  const segment = error.segmentIndex === undefined ? undefined : segments[error.segmentIndex];
  const file = segment?.file ?? route.file;
  const hasFunction = error.code !== 'APP_DYNAMIC_PARAMS_MISSING' && error.code !== 'APP_EXPORT_DYNAMIC_PARAMS';
  const diagnostic: Diagnostic = { severity: 'error', code: error.code, file, message: error.message };
  if (hasFunction) diagnostic.function = GSP;
  const fault = error.code === 'GSP_APP_THREW' ? faultCode(error.cause) : undefined;
  if (fault) {
    diagnostic.code = fault;
    diagnostic.message = error.message;
  } else if (error.code === 'GSP_APP_THREW') {
    const input = error.params && Object.keys(error.params).length > 0 ? ` (called with params ${json(error.params)})` : '';
    diagnostic.message = `generateStaticParams in ${file} threw for ${route.pattern}${input}: ${error.message}`;
  }
  return diagnostic;
}

/**
 * The trap: Next prerenders a route only when every params object names every URL param. One that does
 * not (a missing key, a child that returned [] for one parent, a gSP on the layout only) makes the build
 * drop every URL of the route without a word.
 */
function incompleteDiagnostic(
  route: Route,
  segments: readonly CascadeSegment[],
  incomplete: IncompleteParams,
  severity: 'warning' | 'error',
): Diagnostic {
  const { params, missing, trace, total } = incomplete;
  const producer = segments[trace.segmentIndex]!;
  const names = missing.map((n) => `"${n}"`).join(', ');
  let how = `generateStaticParams in ${producer.file} produced the params object ${json(params)}, which has no ${names}`;
  // The child that returned [] is where the key went missing, so the diagnostic points there.
  let file = producer.file ?? route.file;
  if (trace.passedThroughEmpty !== undefined) {
    const child = segments[trace.passedThroughEmpty]!;
    how += ` (generateStaticParams in ${child.file} returned [] for it, so it passed through unchanged)`;
    file = child.file ?? file;
  }
  const laterProvider = segments.some((s, i) => i > trace.segmentIndex && typeof s.generateStaticParams === 'function');
  const hint = laterProvider || producer.file === route.file ? '' : ` No generateStaticParams below ${producer.file} provides ${names}.`;
  const after =
    severity === 'error'
      ? 'and, with output: export, fails the build'
      : route.unmatched === 'not-found'
        ? 'and, with dynamicParams = false, every URL of the route answers 404'
        : 'and renders each URL on first request instead';
  return {
    severity,
    code: 'GSP_APP_INCOMPLETE',
    file,
    function: GSP,
    message:
      `${how}. Because one params object is incomplete, Next.js discards every generated URL of ${route.pattern} ` +
      `(${total} params object${total === 1 ? '' : 's'} in all) ${after}; a static build gets no page for it.${hint}`,
  };
}

/**
 * A route without params on next@13.5–14.2 (build/index.js, app-route module): a page is static unless
 * its top-down config says `force-dynamic` or `revalidate = 0`; so is a route handler, which a method
 * other than GET also keeps dynamic. (What a handler or page reads at build time can make it dynamic too;
 * only a build can tell.)
 */
function isStaticRoutePrerenderedLegacy(kind: 'page' | 'route-handler', segments: readonly CascadeSegment[], nonStaticMethods: boolean): boolean {
  const config = reduceConfigTopDown(segments);
  if (config.dynamic === 'force-dynamic' || config.revalidate === 0) return false;
  return kind === 'page' || !nonStaticMethods;
}

/** The deepest segment's `dynamic` export (build/utils.ts reduceAppConfig). */
function reduceDynamic(segments: readonly CascadeSegment[]): unknown {
  let value: unknown;
  for (const segment of segments) if (segment.config?.dynamic !== undefined) value = segment.config.dynamic;
  return value;
}

function fullyDynamic(route: Route, why: string): Diagnostic {
  return {
    severity: 'info',
    code: 'APP_FULLY_DYNAMIC',
    file: route.file,
    message: `${route.pattern} is rendered on every request (${why}): Next.js prerenders no URL of it, so a static build gets no ${route.kind === 'page' ? 'page' : 'file'} for it.`,
  };
}

/**
 * Params a static build cannot write safely: a `..` or `.` param would make zfb write the page outside the
 * route's folder; NUL, line breaks and over-long values are no file name (see unwritable-param.ts); a lone
 * surrogate cannot be encoded at all, and Next fails the build on it.
 */
function paramDiagnostics(route: Route, segments: readonly CascadeSegment[], result: AppStaticPaths): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const diagnostic = (key: string, severity: Diagnostic['severity'], code: string, message: string): Diagnostic => {
    const producer = providerOfKey(key, segments, result);
    const d: Diagnostic = { severity, code, file: producer ?? route.file, message };
    if (producer) d.function = GSP;
    return d;
  };
  for (const { key, value } of result.unencodable) {
    warnings.push(
      diagnostic(
        key,
        'error',
        'APP_PARAM_UNENCODABLE',
        `The param ${key} = ${json(value)} of ${route.pattern} holds a lone surrogate (${json(loneSurrogate(value))}), which no URL can encode: next build fails with "URIError: URI malformed". The other params are listed.`,
      ),
    );
  }
  for (const entry of route.entries) {
    for (const [key, value] of Object.entries(entry.params)) {
      const parts = Array.isArray(value) ? value : [value];
      const bad = parts.find((p) => p === '..' || p === '.');
      if (bad !== undefined) {
        warnings.push(
          diagnostic(
            key,
            'warning',
            'APP_PARAM_DOT_SEGMENT',
            `The param ${key} = ${json(value)} of ${route.pattern} (URL ${entry.url}) is the path segment "${bad}": a static build would write it outside the route's folder.`,
          ),
        );
      }
      const unwritable = unwritableParam(value);
      if (unwritable) {
        warnings.push(
          diagnostic(
            key,
            unwritable.problem.severity,
            'APP_PARAM_UNWRITABLE',
            `The param ${key} = ${json(value)} of ${route.pattern} (URL ${entry.url}): ${unwritable.problem.why}, so a static build cannot write this URL.`,
          ),
        );
      }
    }
  }
  return warnings;
}

function providerOfKey(key: string, segments: readonly CascadeSegment[], result: AppStaticPaths): string | undefined {
  for (let i = result.calls.length - 1; i >= 0; i--) {
    const call = result.calls[i]!;
    if (call.result.some((item) => key in item)) return segments[call.segmentIndex]?.file;
  }
  return undefined;
}

function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '__undefined__' : v))?.replace(/"__undefined__"/g, 'undefined') ?? String(value);
}

const DIRECTIVE_PROLOGUE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:(['"])use strict\1;?(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*)?(['"])use client\2/;

function isClientModule(file: string): boolean {
  try {
    return DIRECTIVE_PROLOGUE.test(readFileSync(file, 'utf8').slice(0, 2000));
  } catch {
    return false;
  }
}

