import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CallGuard } from '../load/call-guard.js';
import type { TaskRequest } from '../load/host-protocol.js';
import type { RouteModel } from '../model/types.js';
import { looksLikeNext } from '../project/discover.js';
import { withBuildEnv } from '../project/env.js';
import { openRenderer } from '../render/index.js';
import { prepareRender } from '../render/prepare.js';
import type { RenderJob, RenderManifest, RenderOutcome } from '../render/types.js';
import { computeInBuildEnv } from '../routes/build-model.js';

/**
 * The build's two tasks inside user-code hosts (load/host-main.ts):
 * - `build-prepare`: the route model, then every bundle, stylesheet and asset (render/prepare.ts), and a
 *   first load of `_app`, `_document` and the root layout, so that a broken one stops the build before any
 *   page is rendered;
 * - `render`: renders its share of the URLs and writes each file, reporting every URL as it goes.
 */

export interface PreparePayload {
  outDir: string;
  minify: boolean;
}

export interface PrepareResult {
  model: RouteModel;
  manifest: RenderManifest;
}

export async function prepareTask(request: TaskRequest, guard: CallGuard): Promise<PrepareResult> {
  const payload = request.payload as PreparePayload;
  return withBuildEnv(request.root, looksLikeNext(request.root), async () => {
    const { model, project } = await computeInBuildEnv(request.root, {
      guard,
      tmpDir: path.join(request.tmpDir, 'model'),
      inRoot: true,
      ...(request.limitMs ? { limitMs: request.limitMs } : {}),
    });
    const manifest = await prepareRender(project, model, { outDir: payload.outDir, tmpDir: path.join(request.tmpDir, 'render'), guard, minify: payload.minify });
    await openRenderer(manifest, guard).check();
    return { model, manifest };
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
  outDir: string;
  jobs: PlannedJob[];
  /** Stop at the first failure (without --keep-going nothing of a failed build is kept). */
  stopOnFailure: boolean;
}

export interface RenderReport {
  id: number;
  url: string;
  file: string;
  outcome: Exclude<RenderOutcome['kind'], 'html' | 'body'> | 'written';
  /** What was written, output-relative (the page and its copies). */
  written: string[];
  location?: string;
  failure?: Extract<RenderOutcome, { kind: 'failed' }>['failure'];
}

export async function renderTask(request: TaskRequest, guard: CallGuard, progress: (part: unknown) => void): Promise<{ rendered: number }> {
  const payload = request.payload as RenderPayload;
  return withBuildEnv(request.root, looksLikeNext(request.root), async () => {
    if (!request.limitMs) guard.limitMs = payload.manifest.site.limitMs;
    const renderer = openRenderer(payload.manifest, guard);
    let rendered = 0;
    for (const planned of payload.jobs) {
      const outcome = await renderer.render(planned.job);
      const report: RenderReport = { id: planned.id, url: planned.job.entry.url, file: planned.file, outcome: 'written', written: [] };
      if (outcome.kind === 'html' || outcome.kind === 'body' || outcome.kind === 'redirect') {
        const content = outcome.kind === 'body' ? outcome.body : outcome.html;
        for (const file of [planned.file, ...(planned.copies ?? [])]) {
          const target = path.join(payload.outDir, file);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, content);
          report.written.push(file);
        }
        if (outcome.kind === 'redirect') {
          report.outcome = 'redirect';
          report.location = outcome.location;
        }
      } else if (outcome.kind === 'not-found') {
        report.outcome = 'not-found';
      } else {
        report.outcome = 'failed';
        report.failure = outcome.failure;
      }
      progress(report);
      rendered++;
      if (report.outcome === 'failed' && payload.stopOnFailure) break;
    }
    return { rendered };
  });
}
