import path from 'node:path';
import { faultCode } from '../load/call-guard.js';
import type { Loaded, ModuleSession } from '../load/load-modules.js';
import { formatPattern, isDynamic } from '../model/segments.js';
import type { Diagnostic, Entry, Route, Segment } from '../model/types.js';
import { scanZfbPages, sortZfbRoutes, zfbTemplate, ZFB_VERSION, type ZfbRoute } from '../model/zfb-router.js';
import type { Project } from '../project/types.js';
import type { SourceResult } from './contract.js';
import { evaluateZfbPaths, preview, zfbPathsProvider, type ZfbPathsTarget } from './zfb-paths.js';

/**
 * The zfb front-end: pages/ as zfb 0.1.0-next.89 routes it, each dynamic page's `paths()` resolved as zfb
 * resolves it, each static page with the one URL zfb writes. zfb is static only, so every route's
 * unmatched URLs are 'not-found'.
 */

function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function moduleLoadDiagnostic(file: string, loaded: Extract<Loaded, { ok: false }>, fn?: string): Diagnostic {
  const { error } = loaded;
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: error.fault ?? 'MODULE_LOAD',
    file: error.file ?? file,
    message: `${file} could not be loaded${fn ? `, so its ${fn}() was not run` : ''}: ${error.message}`,
  };
  if (error.line !== undefined) diagnostic.line = error.line;
  if (error.column !== undefined) diagnostic.column = error.column;
  return diagnostic;
}

function baseRoute(file: string, segments: Segment[]): Route {
  return {
    pattern: formatPattern(segments),
    segments,
    file,
    origin: 'zfb',
    kind: 'page',
    providers: isDynamic(segments) ? [zfbPathsProvider(file, segments)] : [],
    unmatched: 'not-found',
    entries: [],
  };
}

/**
 * A static page's one entry. zfb calls `getStaticProps()` with no arguments and spreads its `props`
 * (zfb-runtime's dist/router.js; real builds in test/zfb/conformance.test.ts); anything else it renders with `{}`.
 */
async function staticEntry(
  route: ZfbRoute,
  module: Record<string, unknown> | undefined,
  session: ModuleSession,
): Promise<{ entry: Entry; diagnostics: Diagnostic[] }> {
  const entry: Entry = { url: route.template, params: {} };
  const getStaticProps = module?.getStaticProps;
  if (typeof getStaticProps !== 'function') return { entry, diagnostics: [] };
  const fail = (message: string): { entry: Entry; diagnostics: Diagnostic[] } => ({
    entry,
    diagnostics: [{ severity: 'error', code: 'ZFB_STATIC_PROPS', file: route.file, function: 'getStaticProps', message }],
  });
  let result: unknown;
  try {
    result = await session.guarded({ file: route.file, function: 'getStaticProps', route: route.template }, getStaticProps as () => unknown)();
  } catch (error) {
    const fault = faultCode(error);
    if (fault) return { entry, diagnostics: [{ severity: 'error', code: fault, file: route.file, function: 'getStaticProps', message: (error as Error).message }] };
    const thrown = error instanceof Error ? error.message : String(error);
    return fail(
      `getStaticProps() threw: ${thrown}. zfb ${ZFB_VERSION} fails the whole build: "render failed for ${route.template} ` +
        `(status 500): [zfb-runtime] getStaticProps() threw for "${route.template}": ${thrown}"`,
    );
  }
  if (typeof result !== 'object' || result === null || !('props' in result)) {
    return fail(
      `getStaticProps() returned ${preview(result)}. zfb ${ZFB_VERSION} fails the whole build: "render failed for ` +
        `${route.template} (status 500): [zfb-runtime] getStaticProps() for "${route.template}" must return { props: {...} }" ` +
        '(zfb has no notFound, redirect or revalidate).',
    );
  }
  const props = (result as { props: unknown }).props;
  if (props !== undefined && props !== null) entry.props = props;
  return { entry, diagnostics: [] };
}

async function dynamicRoute(
  target: ZfbPathsTarget,
  module: Record<string, unknown>,
  session: ModuleSession,
): Promise<SourceResult> {
  const route = baseRoute(target.file, target.segments);
  const call = { file: target.file, function: 'paths', route: target.template };
  const resolution = await evaluateZfbPaths(module, target, (fn) => session.run(() => session.guard.run(call, fn)));
  route.entries = resolution.entries;
  return { routes: [route], diagnostics: resolution.diagnostics };
}

/** A zfb project's pages/ into routes (zfb 0.1.0-next.89 semantics). */
export async function zfbSource(project: Project, session: ModuleSession): Promise<SourceResult> {
  const pagesDir = project.pagesDir;
  if (!pagesDir) {
    return {
      routes: [],
      diagnostics: [
        {
          severity: 'error',
          code: 'ZFB_PAGES_DIR_MISSING',
          message: `no \`pages/\` directory found in ${project.root}; run \`zfb build\` from a project root`,
        },
      ],
    };
  }
  const scan = scanZfbPages(project.root, pagesDir);
  const diagnostics: Diagnostic[] = [...scan.diagnostics];
  // .md/.mdx/.html pages are content, not modules; every .tsx page is bundled by zfb, so a syntax error
  // in any of them fails its build and is worth reporting even on a static page.
  const modules = scan.routes.filter((r) => r.sourceExtension === 'tsx');
  const abs = (r: ZfbRoute) => path.join(project.root, r.file);
  const loaded = await session.load(modules.map(abs), 'zfb');

  const routes: Route[] = [];
  for (const zfbRoute of sortZfbRoutes(scan.routes)) {
    const state = loaded.get(abs(zfbRoute));
    const dynamic = isDynamic(zfbRoute.segments);
    if (state && !state.ok) {
      diagnostics.push(moduleLoadDiagnostic(zfbRoute.file, state, dynamic ? 'paths' : undefined));
    }
    const module = state?.ok ? state.module : undefined;
    if (!dynamic) {
      const route = baseRoute(zfbRoute.file, zfbRoute.segments);
      const result = await staticEntry(zfbRoute, module, session);
      route.entries = [result.entry];
      diagnostics.push(...result.diagnostics);
      routes.push(route);
      continue;
    }
    if (!module) {
      if (zfbRoute.sourceExtension === 'mdx') {
        diagnostics.push({
          severity: 'warning',
          code: 'ZFB_MDX_PATHS_NOT_RUN',
          file: zfbRoute.file,
          function: 'paths',
          message:
            `${zfbRoute.file} is a dynamic .mdx page: zfb builds the URLs its \`export function paths()\` returns, ` +
            'but zfb-next does not compile MDX, so those URLs are missing from this model. Move paths() into a .tsx page to have them checked.',
        });
      }
      routes.push(baseRoute(zfbRoute.file, zfbRoute.segments));
      continue;
    }
    const result = await dynamicRoute(zfbRoute, module, session);
    routes.push(...result.routes);
    diagnostics.push(...result.diagnostics);
  }
  return { routes, diagnostics };
}

/** One zfb `paths()` page that lives in a Next.js pages/ dir (mixed tree), already loaded. */
export async function zfbRouteFromModule(args: {
  project: Project;
  session: ModuleSession;
  file: string;
  relative: string;
  segments: Segment[];
  module: Record<string, unknown>;
}): Promise<SourceResult> {
  const target: ZfbPathsTarget = { file: args.relative, segments: args.segments, template: zfbTemplate(args.segments) };
  if (!isDynamic(args.segments)) {
    // zfb ignores `paths()` on a static page; the page is its own single URL.
    const route = baseRoute(args.relative, args.segments);
    route.entries = [{ url: target.template, params: {} }];
    return { routes: [route], diagnostics: [] };
  }
  return dynamicRoute(target, args.module, args.session);
}
