import path from 'node:path';
import { CallGuard } from '../load/call-guard.js';
import { ModuleSession } from '../load/load-modules.js';
import { setRuntimeConfig } from '../load/next-stand-ins/render-context.js';
import { sortNextRoutes } from '../model/next-route-sorter.js';
import type { Diagnostic, Route, RouteModel } from '../model/types.js';
import { sortZfbRoutes } from '../model/zfb-router.js';
import { discoverProject, looksLikeNext } from '../project/discover.js';
import { KNOWN_NEXT_LINES, nextRules } from '../project/next-version.js';
import { withBuildEnv } from '../project/env.js';
import type { Project } from '../project/types.js';
import type { SourceResult } from '../sources/contract.js';
import { nextAppSource } from '../sources/next-app.js';
import { nextPagesSource, type PagesSourceOptions } from '../sources/next-pages.js';
import { zfbSource } from '../sources/zfb.js';
import { sortedRoutesConflicts } from './next-route-conflicts.js';
import { findUrlCollisions } from './url-collisions.js';

// The CLI side (spawning the host) lives apart, so the CLI never loads the loader and front-ends itself.
export { buildRouteModel, buildRoutesJson, type BuildModelOptions } from './route-model.js';

export interface ComputeOptions {
  guard?: CallGuard;
  /** Where bundles go (the host's temporary folder); a folder of its own otherwise. */
  tmpDir?: string;
  /** Overrides the config's staticPageGenerationTimeout, in milliseconds. */
  limitMs?: number;
  /** This process's cwd is the project root and stays so (the host process). */
  inRoot?: boolean;
  /** Whether getStaticProps runs for every URL (sources/next-pages.ts PagesSourceOptions); yes by default. */
  callStaticProps?: boolean;
  /** Called once the project is discovered, before its routes are: work that needs no model starts then. */
  onProject?: (project: Project) => void;
}

/**
 * The route model computed in this process: discovery, the front-ends that apply, cross-route URL
 * collisions, then the engine's own priority order. It runs user code here, so it is for the host process
 * and for tests of our own fixtures.
 */
export async function computeRouteModel(dir: string, options: ComputeOptions = {}): Promise<RouteModel> {
  const root = path.resolve(dir);
  return withBuildEnv(root, looksLikeNext(root), async () => (await computeInBuildEnv(root, options)).model);
}

/**
 * computeRouteModel inside an environment already set up by withBuildEnv, also returning the project it
 * discovered (the build renders from both).
 */
export async function computeInBuildEnv(root: string, options: ComputeOptions = {}): Promise<{ model: RouteModel; project: Project }> {
  const guard = options.guard ?? new CallGuard(60_000);
  const project = await discoverProject(root, { guard });
  guard.limitMs = options.limitMs ?? (project.next?.staticPageGenerationTimeout ?? 60) * 1000;
  if (project.next) setRuntimeConfig(project.next.runtimeConfig);
  options.onProject?.(project);
  const session = new ModuleSession(project.root, {
    guard,
    ...(project.next ? { settings: project.next.bundle } : {}),
    ...(options.tmpDir ? { tmpDir: options.tmpDir } : {}),
    inRoot: options.inRoot ?? false,
  });
  try {
    const results = await runSources(project, session, { callStaticProps: options.callStaticProps ?? true });
    const routes = sortRoutes(project, results.flatMap((r) => r.routes));
    const sourceDiagnostics = results.flatMap((r) => r.diagnostics);
    const diagnostics: Diagnostic[] = [
      ...nextVersionNote(project),
      ...sourceDiagnostics,
      ...(project.next ? sortedRoutesConflicts(routes, sourceDiagnostics, nextRules(project.next)) : []),
      ...findUrlCollisions(routes),
    ];
    const model: RouteModel = { version: 1, root: '.', routes, diagnostics };
    if (project.next) {
      const rules = nextRules(project.next);
      model.next = { installed: rules.installed, rules: rules.rules };
    }
    return { model, project };
  } finally {
    session.close();
  }
}

async function runSources(project: Project, session: ModuleSession, pagesOptions: PagesSourceOptions): Promise<SourceResult[]> {
  // Sequential on purpose: user modules share process.cwd() while they run.
  const results: SourceResult[] = [];
  if (project.pagesDir && project.pagesEngine === 'next') results.push(await nextPagesSource(project, session, pagesOptions));
  if (project.pagesDir && project.pagesEngine === 'zfb') results.push(await zfbSource(project, session));
  if (project.appDir && project.next) results.push(await nextAppSource(project, session));
  return results;
}

/**
 * A zfb-only project is ordered the way zfb registers its routes; anything with Next.js routes the way
 * the installed Next.js sorts its pages (sortPages, or getSortedRoutes before 15.5), which is also the
 * order its manifests use.
 */
function sortRoutes(project: Project, routes: Route[]): Route[] {
  if (project.kind === 'zfb') return sortZfbRoutes(routes);
  return sortNextRoutes(routes, nextRules(project.next));
}

/** An installed Next.js release of no known line: which rules the model follows instead. */
function nextVersionNote(project: Project): Diagnostic[] {
  if (!project.next?.rulesNote) return [];
  const rules = nextRules(project.next);
  return [
    {
      severity: 'info',
      code: 'NEXT_VERSION_UNKNOWN',
      message:
        `next@${rules.installed} is installed and ${project.next.rulesNote}: the model follows next@${rules.rules}, the closest release it knows ` +
        `(known: ${KNOWN_NEXT_LINES.join(', ')}).`,
    },
  ];
}

