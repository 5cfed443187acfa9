import path from 'node:path';
import type { CallGuard } from '../load/call-guard.js';
import type { TaskRequest } from '../load/host-protocol.js';
import type { Diagnostic, RouteModel } from '../model/types.js';
import { looksLikeNext } from '../project/discover.js';
import type { Project } from '../project/types.js';
import { withBuildEnv } from '../project/env.js';
import { openRenderer } from '../render/index.js';
import { prepareRender, prepareStyles, type StyleSetup } from '../render/prepare.js';
import type { RenderJob, RenderManifest, RenderOutcome } from '../render/types.js';
import { computeInBuildEnv } from '../routes/build-model.js';
import { renderTask } from './render-task.js';

/**
 * The build's two tasks inside user-code hosts (load/host-main.ts):
 * - `build` (here): the route model, then every bundle, stylesheet and asset (render/prepare.ts), and a
 *   first load of `_app`, `_document` and the root layout, so that a broken one stops the build before any
 *   page is rendered. The result goes to the CLI side as the task's first progress part; then the same
 *   host renders URLs as a `render` task does, with the renderer it has loaded already (one Node.js start
 *   and one load of the renderer fewer than a host of its own, and no wait before its first page).
 * - `render` (render-task.ts): renders its share of the URLs, writing each page and reporting every URL as
 *   it goes. It has a module of its own: a render host loads only the renderer, not the route model and the
 *   bundler.
 */

export interface PreparePayload {
  outDir: string;
  minify: boolean;
}

/** What a `build` host is given: the preparation's settings, and the URLs it renders once prepared. */
export interface BuildPayload extends PreparePayload {
  /** Set when the host is a second try after the preparation was done: it only renders. */
  prepared?: RenderSetup;
  /** URLs given to the host before it asked (a second try's); it asks for more as it runs low. */
  jobs: PlannedJob[];
  stopOnFailure: boolean;
}

/** What every render needs from the preparation. */
export type RenderSetup = Pick<PrepareResult, 'manifest' | 'loadDotEnv'>;

/** The `build` task's first progress part (buildTask). */
export interface PreparedPart {
  /** The PrepareResult as JSON text: the model may be large, and text crosses processes fastest. */
  prepared: string;
  /** What user code did outside the calls made so far (TaskOutput.faults). */
  faults: Diagnostic[];
}

export interface PrepareResult {
  model: RouteModel;
  manifest: RenderManifest;
  /** Whether the project is a Next.js one, whose `.env` files the renders load too (project/env.ts). */
  loadDotEnv: boolean;
}

/** The `build` task: prepares (reported by `onPrepared`) unless a first try did, then renders URLs. */
export async function buildTask(
  request: TaskRequest,
  guard: CallGuard,
  onPrepared: (prepared: PrepareResult) => void,
  progress: (part: unknown) => void,
  askForMore: () => Promise<unknown[]>,
): Promise<{ rendered: number }> {
  const payload = request.payload as BuildPayload;
  let setup = payload.prepared;
  if (!setup) {
    const prepared = await prepareTask(request, guard);
    onPrepared(prepared);
    setup = prepared;
  }
  const render: RenderPayload = { manifest: setup.manifest, outDir: payload.outDir, loadDotEnv: setup.loadDotEnv, jobs: payload.jobs, pull: true, stopOnFailure: payload.stopOnFailure };
  return renderTask({ ...request, payload: render }, guard, progress, askForMore);
}

async function prepareTask(request: TaskRequest, guard: CallGuard): Promise<PrepareResult> {
  const payload = request.payload as PreparePayload;
  const loadDotEnv = looksLikeNext(request.root);
  return withBuildEnv(request.root, loadDotEnv, async () => {
    // The styles' setup needs no route model: it runs while the model waits on the project's data.
    let styles: Promise<StyleSetup> | undefined;
    const onProject = (project: Project): void => {
      styles = prepareStyles(project, payload);
      // Its failure is thrown where the styles are awaited (prepareRender), not as an unhandled rejection.
      styles.catch(() => undefined);
    };
    let computed: Awaited<ReturnType<typeof computeInBuildEnv>>;
    try {
      computed = await computeInBuildEnv(request.root, {
        guard,
        tmpDir: path.join(request.tmpDir, 'model'),
        inRoot: true,
        // The render calls getStaticProps for each URL anyway; a URL it answers with notFound gets no page.
        callStaticProps: false,
        onProject,
        ...(request.limitMs ? { limitMs: request.limitMs } : {}),
      });
    } catch (error) {
      // Settled first: a rejection left behind would read as user code's.
      await styles?.catch(() => undefined);
      throw error;
    }
    const { model, project } = computed;
    const manifest = await prepareRender(project, model, { outDir: payload.outDir, tmpDir: path.join(request.tmpDir, 'render'), guard, minify: payload.minify, ...(styles ? { styles } : {}) });
    await openRenderer(manifest, guard).check();
    return { model, manifest, loadDotEnv };
  });
}

export interface PlannedJob {
  /** Stable across host restarts: reports name the job by it. */
  id: number;
  job: RenderJob;
  /** Output-relative file for the page or body; none for a job whose output is decided by its outcome. */
  file: string;
  /** Further copies of the same page (the default locale's unprefixed URL). */
  copies?: string[];
}

export interface RenderPayload {
  manifest: RenderManifest;
  /** The folder the site is written to (the build's staging folder): each page goes to its job's `file` there. */
  outDir: string;
  /** The first jobs; with `pull`, the host asks for more as it runs low (host.ts HostOptions.more). */
  jobs: PlannedJob[];
  pull: boolean;
  loadDotEnv: boolean;
  /** Stop at the first failure (without --keep-going nothing of a failed build is kept). */
  stopOnFailure: boolean;
}

export interface RenderReport {
  id: number;
  url: string;
  /** `written`: the page or body is in the job's `file` and its copies. */
  outcome: Exclude<RenderOutcome['kind'], 'html' | 'body'> | 'written';
  location?: string;
  failure?: Extract<RenderOutcome, { kind: 'failed' }>['failure'];
}
