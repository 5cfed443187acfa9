import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CallGuard } from '../load/call-guard.js';
import type { TaskRequest } from '../load/host-protocol.js';
import { withBuildEnv } from '../project/env.js';
import { openRenderer } from '../render/index.js';
import type { RenderOutcome } from '../render/types.js';
import type { PlannedJob, RenderPayload, RenderReport } from './host-tasks.js';

// Ask for more jobs while this many are left. The CLI side answers once it has handled the messages sent
// before the request, which can take longer than rendering the 8 under way: with 8 left, the hosts of a
// 2,000 page build waited for work (build wall time 0.92x with 32, medians of 8 pairs). Jobs a host holds
// cannot go to another host, so the hosts may end up to 32 pages apart.
const LOW_WATER = 32;

/**
 * The `render` task of a build (host-tasks.ts): a share of the URLs rendered, each page written to the
 * site folder by the host that rendered it, and reported. (Sending the pages to the CLI process to write
 * cost more: react.dev's pages average 250 KB, and passing them took a host a tenth of its time. With the
 * hosts writing, react.dev built in 0.90x the time, and 2,000 small pages on ext4 in 0.89x.)
 */
export async function renderTask(
  request: TaskRequest,
  guard: CallGuard,
  progress: (part: unknown) => void,
  askForMore: () => Promise<unknown[]>,
): Promise<{ rendered: number }> {
  const payload = request.payload as RenderPayload;
  return withBuildEnv(request.root, payload.loadDotEnv, async () => {
    if (!request.limitMs) guard.limitMs = payload.manifest.site.limitMs;
    const renderer = openRenderer(payload.manifest, guard);
    // A host that announces its calls is a second try after a call hung or ended the process: one page at a
    // time then, so that the call named is the one that did it.
    const concurrency = request.announceCalls ? 1 : payload.manifest.site.concurrency;
    const queue = new JobQueue(payload.jobs, payload.pull ? askForMore : undefined, Math.max(concurrency, LOW_WATER));
    // Several pages at once, as a `next build` worker renders them (staticGenerationMaxConcurrency): one
    // page's wait for its data (a file read) is another's time to render.
    let rendered = 0;
    let stopped = false;
    const writer = new PageWriter(payload.outDir);
    const renderNext = async (): Promise<void> => {
      for (let planned = await queue.take(); planned && !stopped; planned = await queue.take()) {
        const report = toReport(planned, await renderer.render(planned.job), writer);
        progress(report);
        rendered++;
        if (report.outcome === 'failed' && payload.stopOnFailure) stopped = true;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, renderNext));
    return { rendered };
  });
}

/**
 * The jobs a host renders: those it was given, then those it asks the CLI side for as it runs low, so that
 * the hosts of a build finish together whatever each page costs (build.ts hands them out).
 */
class JobQueue {
  private asking: Promise<void> | undefined;
  private exhausted: boolean;

  constructor(
    private readonly jobs: PlannedJob[],
    private readonly askForMore: (() => Promise<unknown[]>) | undefined,
    /** Ask for more while this many remain: the renders under way never wait for the answer. */
    private readonly lowWater: number,
  ) {
    this.exhausted = askForMore === undefined;
  }

  async take(): Promise<PlannedJob | undefined> {
    for (;;) {
      if (!this.exhausted && this.jobs.length <= this.lowWater) this.refill();
      const job = this.jobs.shift();
      if (job || this.exhausted) return job;
      await this.asking;
    }
  }

  private refill(): void {
    this.asking ??= this.askForMore!().then((more) => {
      this.asking = undefined;
      if (more.length === 0) this.exhausted = true;
      else this.jobs.push(...(more as PlannedJob[]));
    });
  }
}

function toReport(planned: PlannedJob, outcome: RenderOutcome, writer: PageWriter): RenderReport {
  const report: RenderReport = { id: planned.id, url: planned.job.entry.url, outcome: 'written' };
  if (outcome.kind === 'html' || outcome.kind === 'body' || outcome.kind === 'redirect') {
    const failure = writer.write(planned, outcome.kind === 'body' ? outcome.body : outcome.html);
    if (failure) {
      report.outcome = 'failed';
      report.failure = failure;
    } else if (outcome.kind === 'redirect') {
      report.outcome = 'redirect';
      report.location = outcome.location;
    }
  } else if (outcome.kind === 'not-found') {
    report.outcome = 'not-found';
  } else {
    report.outcome = 'failed';
    report.failure = outcome.failure;
  }
  return report;
}

/** Writes each job's page to its file and copies below the site folder; the folders it made are not asked for again. */
class PageWriter {
  private readonly folders = new Set<string>();

  constructor(private readonly outDir: string) {}

  /** Why the page could not be written, if it could not. */
  write(planned: PlannedJob, content: string | Uint8Array): Extract<RenderOutcome, { kind: 'failed' }>['failure'] | undefined {
    let file = planned.file;
    try {
      for (file of [planned.file, ...(planned.copies ?? [])]) {
        const target = path.join(this.outDir, file);
        // The build refused unsafe files when it planned them (plan.ts); a host writes only below the folder.
        if (!target.startsWith(this.outDir + path.sep)) throw new Error('it is outside the site folder');
        const folder = path.dirname(target);
        if (!this.folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          this.folders.add(folder);
        }
        writeFileSync(target, content);
      }
      return undefined;
    } catch (error) {
      // Another URL's file where this one needs a folder (a route handler's `data.json` beside a page
      // `data.json/x`), or the disk: the page is lost, and the build fails naming it.
      const reason = error instanceof Error ? error.message : String(error);
      return { url: planned.job.entry.url, file: planned.job.route.file, code: 'BUILD_WRITE', message: `${file} could not be written: ${reason}` };
    }
  }
}
