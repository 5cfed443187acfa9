import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileOutcome, ProcessOptions } from './process-file.js';

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
const BATCH = 64;

/** Workers run compiled JavaScript only: from TypeScript sources (tests) the run stays in-process. */
export function poolAvailable(): boolean {
  return existsSync(WORKER_FILE) && availableParallelism() > 1;
}

/**
 * Spreads the files over one worker per core, in batches pulled from a shared queue, so a slow batch never
 * holds the others up. Outcomes come back in the input order.
 */
export async function runPool(transform: string, jobs: readonly FileJob[], options: ProcessOptions): Promise<FileOutcome[]> {
  const batches: { start: number; jobs: FileJob[] }[] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push({ start: i, jobs: jobs.slice(i, i + BATCH) });
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const workerCount = Math.min(availableParallelism(), batches.length);
  let next = 0;

  await Promise.all(
    Array.from({ length: workerCount }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER_FILE, { workerData: { transform, options } });
        let current: { start: number; jobs: FileJob[] } | undefined;
        const sendNext = (): void => {
          current = batches[next++];
          if (current) worker.postMessage(current.jobs);
          else void worker.terminate().then(() => resolve());
        };
        worker.on('message', (message: 'ready' | FileOutcome[]) => {
          if (message !== 'ready' && current) message.forEach((outcome, i) => (outcomes[current!.start + i] = outcome));
          sendNext();
        });
        worker.on('error', reject);
      }),
    ),
  );
  return outcomes;
}
