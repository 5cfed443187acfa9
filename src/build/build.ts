import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { onExitCleanup } from '../load/exit-cleanup.js';
import { makeHostTmpDir, prewarmHosts, runInHost } from '../load/host.js';
import { removeTree } from '../load/remove-tree.js';
import type { Diagnostic } from '../model/types.js';
import { assertDirectory, ProjectError } from '../project/project-error.js';
import { realPath } from '../project/real-path.js';
import type { BuildPayload, PreparedPart, PrepareResult, PlannedJob, RenderPayload, RenderReport, RenderSetup } from './host-tasks.js';
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
 * load of `_app` / `_document` / the root layout) and then renders; with it, `jobs` hosts render the URLs
 * in parallel, each its share, writing every page into the temporary folder and reporting it here.
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
  // The host that prepares renders too; the other render hosts start while the project is prepared: a
  // host's start-up (Node.js, React, our renderer) is most of a small build's time otherwise. How many
  // render is known after the preparation; the rest stop. (At most PREWARMED_RENDER_HOSTS: a small site on
  // a large machine would start many that it never uses.)
  const unusedRenderHosts = prewarmHosts(Math.min(options.jobs ?? availableParallelism(), PREWARMED_RENDER_HOSTS) - 1, 'render');
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const rendering = new Rendering(root, tmpDir, staging, options, result);
    const entries = await rendering.run(layout);
    // In URL order, whichever host rendered each.
    result.notFound.sort();
    unusedRenderHosts();
    if (result.stopped || (result.failures.length > 0 && !options.keepGoing)) return finish();

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

/**
 * The hosts of one build and what they report. Host 0 runs the `build` task: it prepares, reports the
 * preparation, then renders. Once the preparation is here the build is planned, and hosts 1..n-1 start
 * `render` tasks. Every host is given a share of the URLs and asks for more as it runs low (Shares).
 */
class Rendering {
  private readonly entries: ZfbRouteEntry[] = [];
  private readonly stop = new AbortController();
  private setup: RenderSetup | undefined;
  private jobs: PlannedJob[] = [];
  private byId = new Map<number, PlannedJob>();
  private shares: Shares | undefined;
  private done = 0;
  // The render tasks of hosts 1..n-1, started once the build is planned.
  private readonly others: Promise<void>[] = [];

  constructor(
    private readonly root: string,
    private readonly tmpDir: string,
    private readonly staging: string,
    private readonly options: BuildOptions,
    private readonly result: BuildResult,
  ) {}

  async run(layout: OutputLayout): Promise<ZfbRouteEntry[]> {
    const payload = { outDir: this.staging, minify: this.options.minify ?? true, stopOnFailure: !this.options.keepGoing };
    let planError: unknown;
    const onPrepared = (part: unknown): void => {
      try {
        this.planned(part as PreparedPart, layout);
      } catch (error) {
        // Thrown from a message handler it would end this process: the build stops instead.
        planError = error;
        this.stop.abort();
      }
    };
    await this.host(0, 'build', (jobs) => ({ ...payload, jobs, ...(this.setup ? { prepared: this.setup } : {}) }) satisfies BuildPayload, onPrepared);
    await Promise.all(this.others);
    if (planError !== undefined) throw planError;
    return this.entries;
  }

  /** The preparation is here (host 0's first part): plan the build, start the other hosts. */
  private planned(part: PreparedPart, layout: OutputLayout): void {
    const { options, result } = this;
    const prepared = JSON.parse(part.prepared) as PrepareResult;
    const { model, manifest } = prepared;
    result.diagnostics.push(...part.faults, ...model.diagnostics);
    const notFoundFile = Object.keys(manifest.pages?.server ?? {}).find((f) => /^(src\/)?pages\/404\.\w+$/.test(f));
    const plan = planBuild(model, manifest.site, layout, { root: this.root, hasApp: manifest.app !== undefined, hasPages: manifest.pages !== undefined, ...(notFoundFile ? { notFoundFile } : {}) });
    result.diagnostics.push(...plan.diagnostics);
    result.skipped = plan.skipped;
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 && !options.keepGoing) {
      result.stopped = `the route model has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written (--keep-going writes the other pages)`;
      return;
    }
    this.setup = { manifest, loadDotEnv: prepared.loadDotEnv };
    this.jobs = options.shard ? shardJobs(plan.jobs, options.shard) : plan.jobs;
    this.byId = new Map(this.jobs.map((j) => [j.id, j]));
    const hosts = Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.ceil(this.jobs.length / MIN_URLS_PER_HOST)));
    this.shares = new Shares(this.jobs, hosts);
    const setup = this.setup;
    for (let host = 1; host < hosts; host++) {
      this.others.push(this.host(host, 'render', (jobs) => ({ ...setup, outDir: this.staging, jobs, pull: true, stopOnFailure: !options.keepGoing }) satisfies RenderPayload));
    }
  }

  /**
   * Runs one host's task. `payload` gets the jobs the host was given and has not reported: a restarted host
   * starts with those. A `build` host's first part is its preparation (`onPrepared`); the rest are pages.
   */
  private async host(index: number, task: 'build' | 'render', payload: (jobs: PlannedJob[]) => unknown, onPrepared?: (part: unknown) => void): Promise<void> {
    const assigned = new Map<number, PlannedJob>();
    const give = (chunk: PlannedJob[]): PlannedJob[] => {
      for (const job of chunk) assigned.set(job.id, job);
      return chunk;
    };
    // A render host starts with its first chunk; the build host asks once it has prepared.
    if (task === 'render' && give(this.shares!.next(index)).length === 0) return;
    const more = (): PlannedJob[] => (this.stop.signal.aborted || !this.shares ? [] : give(this.shares.next(index)));
    const onProgress = (part: unknown): void => {
      if (onPrepared && (part as PreparedPart).prepared !== undefined) onPrepared(part);
      else this.report(part as RenderReport, assigned);
    };
    try {
      const { faults } = await runInHost(task, this.root, { tmpDir: this.tmpDir, payload: () => payload([...assigned.values()]), more, onProgress, signal: this.stop.signal });
      this.result.diagnostics.push(...faults);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return;
      if (task === 'build' && this.setup === undefined) {
        // The preparation failed: the build stops before anything is written.
        if (error instanceof Error && error.name === 'ProjectError') throw new ProjectError(error.message);
        this.result.stopped = error instanceof Error ? error.message : String(error);
        return;
      }
      this.result.failures.push({ url: '', file: '', code: 'RENDER_HOST', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** A URL rendered: its page written by the host, or why it has none. */
  private report(report: RenderReport, assigned: Map<number, PlannedJob>): void {
    const { options, result } = this;
    assigned.delete(report.id);
    this.done++;
    options.onProgress?.(this.done, this.jobs.length);
    const planned = this.byId.get(report.id)!;
    const route = planned.job.route;
    if (report.outcome === 'failed' && report.failure) {
      const { url, file, code, message } = report.failure;
      const failure: BuildFailure = { url, file, code, message };
      if (report.failure.function) failure.function = report.failure.function;
      if (report.failure.componentStack) failure.componentStack = report.failure.componentStack;
      result.failures.push(failure);
      if (!options.keepGoing) this.stop.abort();
      return;
    }
    if (report.outcome === 'not-found') {
      result.notFound.push(report.url);
      return;
    }
    if (report.outcome === 'redirect') result.redirects.push({ url: report.url, location: report.location ?? '' });
    result.files += 1 + (planned.copies?.length ?? 0);
    if (planned.job.shell === 'not-found' || planned.job.shell === 'fallback') return;
    result.pages++;
    this.entries.push(routeEntry(report.url, planned.file, route.file, planned.job.entry.params, route.pattern.includes('[')));
  }
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
