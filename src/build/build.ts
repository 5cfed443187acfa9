import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { onExitCleanup } from '../load/exit-cleanup.js';
import { makeHostTmpDir, prewarmHosts, runInHost } from '../load/host.js';
import { removeTree } from '../load/remove-tree.js';
import type { Diagnostic } from '../model/types.js';
import { assertDirectory, ProjectError } from '../project/project-error.js';
import { realPath } from '../project/real-path.js';
import type { PreparePayload, PrepareResult, PlannedJob, RenderPayload, RenderReport } from './host-tasks.js';
import type { OutputLayout } from './layout.js';
import { planBuild, shardJobs } from './plan.js';
import { Shares } from './shares.js';
import { ROUTES_MANIFEST, routeEntry, routesManifestJson, type ZfbRouteEntry } from './routes-manifest.js';

/**
 * `zfb-next build`: the route model's URLs rendered to a static site (render/), written to a temporary
 * folder beside the output and renamed over it only when the build succeeds (with --keep-going, also when
 * some pages failed), so the output appears whole or not at all.
 *
 * The project's code runs in host processes (load/host.ts): one prepares (model, bundles, styles, a first
 * load of `_app` / `_document` / the root layout), then `jobs` hosts render the URLs in parallel, each its
 * share, sending every page back to this process, which writes it into the temporary folder.
 */

export interface BuildOptions {
  out?: string;
  layout?: OutputLayout;
  keepGoing?: boolean;
  /** Render processes; all cores by default. */
  jobs?: number;
  shard?: { index: number; count: number };
  /** Called after every rendered URL (the progress bar). */
  onProgress?: (done: number, total: number) => void;
  minify?: boolean;
}

export interface BuildFailure {
  url: string;
  file: string;
  code: string;
  function?: string;
  message: string;
  componentStack?: string;
}

export interface BuildResult {
  outDir: string;
  /** Whether the output folder was replaced. */
  committed: boolean;
  pages: number;
  files: number;
  failures: BuildFailure[];
  notFound: string[];
  redirects: { url: string; location: string }[];
  skipped: { pattern: string; file: string; reason: string }[];
  diagnostics: Diagnostic[];
  ms: number;
  /** Why the build stopped before rendering, when it did. */
  stopped?: string;
}

// A render host costs a Node start and loading the bundles; below this many URLs per host, fewer hosts.
const MIN_URLS_PER_HOST = 40;
const PREWARMED_RENDER_HOSTS = 4;

export async function runBuild(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  assertDirectory(dir);
  // Real paths (project/real-path.ts): the project is bundled from its real folder, and the output is
  // compared with it.
  const root = realPath(dir);
  const layout = options.layout ?? 'zfb';
  const outDir = realPath(options.out ?? path.join(root, layout === 'zfb' ? 'dist' : 'out'));
  if (outDir === root || root.startsWith(outDir + path.sep)) throw new ProjectError(`--out ${outDir} would replace the project itself`);
  const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}.zfb-next-${process.pid}`);
  const tmpDir = makeHostTmpDir();
  const release = onExitCleanup(() => {
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${staging}.old`, { recursive: true, force: true });
    rmSync(tmpDir, { recursive: true, force: true });
  });
  const result: BuildResult = { outDir, committed: false, pages: 0, files: 0, failures: [], notFound: [], redirects: [], skipped: [], diagnostics: [], ms: 0 };
  // The render hosts start while the project is prepared: a host's start-up (Node.js, React, our renderer)
  // is most of a small build's time otherwise. How many render is known after the preparation; the rest stop.
  // (At most PREWARMED_RENDER_HOSTS: a small site on a large machine would start many that it never uses.)
  const unusedRenderHosts = prewarmHosts(Math.min(options.jobs ?? availableParallelism(), PREWARMED_RENDER_HOSTS), 'render');
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    let prepared: PrepareResult;
    try {
      const payload: PreparePayload = { outDir: staging, minify: options.minify ?? true };
      const { text, faults } = await runInHost('build-prepare', root, { tmpDir, payload: () => payload });
      prepared = JSON.parse(text) as PrepareResult;
      result.diagnostics.push(...faults);
    } catch (error) {
      if (error instanceof Error && error.name === 'ProjectError') throw new ProjectError(error.message);
      result.stopped = error instanceof Error ? error.message : String(error);
      return finish();
    }
    const { model, manifest } = prepared;
    result.diagnostics.push(...model.diagnostics);
    const notFoundFile = Object.keys(manifest.pages?.server ?? {}).find((f) => /^(src\/)?pages\/404\.\w+$/.test(f));
    const plan = planBuild(model, manifest.site, layout, { root, hasApp: manifest.app !== undefined, hasPages: manifest.pages !== undefined, ...(notFoundFile ? { notFoundFile } : {}) });
    result.diagnostics.push(...plan.diagnostics);
    result.skipped = plan.skipped;
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 && !options.keepGoing) {
      result.stopped = `the route model has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written (--keep-going writes the other pages)`;
      return finish();
    }
    const jobs = options.shard ? shardJobs(plan.jobs, options.shard) : plan.jobs;
    const entries = await renderAll(root, tmpDir, staging, prepared, jobs, options, result);
    // In URL order, whichever host rendered each.
    result.notFound.sort();
    unusedRenderHosts();
    if (result.failures.length > 0 && !options.keepGoing) return finish();

    const publicDir = path.join(root, 'public');
    if (existsSync(publicDir) && statSync(publicDir).isDirectory()) cpSync(publicDir, staging, { recursive: true, force: false, errorOnExist: false });
    if (layout === 'zfb') {
      mkdirSync(path.join(staging, '__zfb'), { recursive: true });
      writeFileSync(path.join(staging, ROUTES_MANIFEST), routesManifestJson(entries));
    }
    await commit(staging, outDir);
    result.committed = true;
    return finish();
  } finally {
    unusedRenderHosts();
    await Promise.all([removeTree(staging), removeTree(tmpDir)]);
    release();
  }

  function finish(): BuildResult {
    result.ms = performance.now() - started;
    return result;
  }
}

async function renderAll(root: string, tmpDir: string, staging: string, { manifest, loadDotEnv }: PrepareResult, jobs: PlannedJob[], options: BuildOptions, result: BuildResult): Promise<ZfbRouteEntry[]> {
  const entries: ZfbRouteEntry[] = [];
  const hosts = Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.ceil(jobs.length / MIN_URLS_PER_HOST)));
  const shares = new Shares(jobs, hosts);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const stop = new AbortController();
  // This process writes every page (render-task.ts says why); the folders it made are not asked for again.
  const folders = new Set<string>();
  const writePage = (file: string, content: string | Uint8Array): void => {
    const target = path.join(staging, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, content);
  };
  let done = 0;
  const onReport = (part: unknown, assigned: Map<number, PlannedJob>): void => {
    const report = part as RenderReport;
    assigned.delete(report.id);
    done++;
    options.onProgress?.(done, jobs.length);
    const planned = byId.get(report.id)!;
    const route = planned.job.route;
    if (report.outcome === 'failed' && report.failure) {
      const { url, file, code, message } = report.failure;
      const failure: BuildFailure = { url, file, code, message };
      if (report.failure.function) failure.function = report.failure.function;
      if (report.failure.componentStack) failure.componentStack = report.failure.componentStack;
      result.failures.push(failure);
      if (!options.keepGoing) stop.abort();
      return;
    }
    if (report.outcome === 'not-found') {
      result.notFound.push(report.url);
      return;
    }
    if (report.outcome === 'redirect') result.redirects.push({ url: report.url, location: report.location ?? '' });
    for (const file of [planned.file, ...(planned.copies ?? [])]) writePage(file, report.content ?? '');
    result.files += 1 + (planned.copies?.length ?? 0);
    if (planned.job.shell === 'not-found' || planned.job.shell === 'fallback') return;
    result.pages++;
    entries.push(routeEntry(report.url, planned.file, route.file, planned.job.entry.params, route.pattern.includes('[')));
  };
  await Promise.all(
    Array.from({ length: hosts }, async (_, host) => {
      // What this host was given and has not reported: a restarted host starts with these.
      const assigned = new Map<number, PlannedJob>();
      const give = (chunk: PlannedJob[]): PlannedJob[] => {
        for (const job of chunk) assigned.set(job.id, job);
        return chunk;
      };
      give(shares.next(host));
      if (assigned.size === 0) return;
      const payload = (): RenderPayload => ({ manifest, loadDotEnv, jobs: [...assigned.values()], pull: true, stopOnFailure: !options.keepGoing });
      const more = (): PlannedJob[] => (stop.signal.aborted ? [] : give(shares.next(host)));
      try {
        const { faults } = await runInHost('render', root, { tmpDir, payload, more, onProgress: (part) => onReport(part, assigned), signal: stop.signal });
        result.diagnostics.push(...faults);
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return;
        result.failures.push({ url: '', file: '', code: 'RENDER_HOST', message: error instanceof Error ? error.message : String(error) });
      }
    }),
  );
  return entries;
}

/** Replaces `outDir` with `staging` by renames: the old output stays whole until the new one is in place. */
async function commit(staging: string, outDir: string): Promise<void> {
  const old = `${staging}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(old)) renameSync(old, outDir);
    throw error;
  }
  if (existsSync(old)) await removeTree(old);
}
