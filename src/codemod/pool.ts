import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Transform } from '../../codemods/_shared/types.js';
import { processFile, type FileJob, type FileOutcome, type ProcessOptions } from './process-file.js';

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
/** Small batches: a worker still warming up (its first files are several times slower) never holds the tail. */
const BATCH = 8;

/** Workers run compiled JavaScript only: from TypeScript sources (tests) the run stays in-process. */
export function poolAvailable(): boolean {
  return existsSync(WORKER_FILE) && availableParallelism() > 1;
}

interface Batch {
  start: number;
  jobs: { job: FileJob; source: string }[];
}

/**
 * Spreads the files over this thread and one worker per further core, all pulling small batches from one
 * queue. This thread starts at once, so the run is never slower than an in-process one while a worker loads
 * its modules (a few hundred milliseconds); a worker that fails hands its batch back to this thread.
 * Outcomes come back in the input order.
 */
export async function runPool(
  transformName: string,
  transform: Transform,
  candidates: readonly { job: FileJob; source: string }[],
  options: ProcessOptions,
): Promise<FileOutcome[]> {
  const queue: Batch[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) queue.push({ start: i, jobs: candidates.slice(i, i + BATCH) });
  const outcomes: FileOutcome[] = new Array(candidates.length);
  let pending = candidates.length;
  let wake: (() => void) | undefined;
  const settle = (batch: Batch, results: FileOutcome[]): void => {
    results.forEach((outcome, i) => (outcomes[batch.start + i] = outcome));
    pending -= results.length;
    wake?.();
  };

  const workers = Array.from({ length: Math.min(availableParallelism() - 1, queue.length - 1) }, () => {
    // Workers read their files themselves: only paths cross the thread boundary.
    const worker = new Worker(WORKER_FILE, { workerData: { transform: transformName, options } });
    let current: Batch | undefined;
    const sendNext = (): void => {
      current = queue.shift();
      if (current) worker.postMessage(current.jobs.map((c) => c.job));
      else void worker.terminate();
    };
    worker.on('message', (message: 'ready' | FileOutcome[]) => {
      if (message !== 'ready' && current) settle(current, message);
      sendNext();
    });
    // A worker that dies (an error, a crash) leaves its batch to the others; 'exit' follows 'error'.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (current) queue.unshift(current);
      current = undefined;
      wake?.();
    });
    return worker;
  });

  const knownDirs = new Set<string>();
  while (pending > 0) {
    const batch = queue.shift();
    if (batch) {
      settle(batch, batch.jobs.map(({ job, source }) => processFile(transform, job, source, options, knownDirs)));
      // Let the workers' messages in before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
  return outcomes;
}
