import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Transform } from '../../codemods/_shared/types.js';
import type { Interrupt } from './interrupt.js';
import type { FileJob, FileOutcome, ProcessOptions } from './process-file.js';
import { processWith, settleAll, type Writer } from './writer.js';

// Beside this module both in dist/src/codemod/ (tsc) and in the CLI bundle's one folder (scripts/build-cli.mjs).
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
/** Small batches: a worker still warming up (its first files are several times slower) never holds the tail. */
export const BATCH = 8;

/** Workers run compiled JavaScript only: from TypeScript sources (tests) the run stays in-process. */
export function poolAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

export interface Candidate {
  job: FileJob;
  source: string;
}

interface Batch {
  start: number;
  jobs: Candidate[];
}

export interface Pool {
  /**
   * Processes the candidates on this thread (its writes go to `writer`) and the workers (they write their own);
   * outcomes come back in the input order. Ends the pool. After an interrupt, the candidates no thread began
   * have no outcome (a hole in the array).
   */
  run(transform: Transform, candidates: readonly Candidate[], writer: Writer): Promise<(FileOutcome | undefined)[]>;
  /** Ends the workers without running anything (the run turned out too small to share). */
  close(): Promise<void>;
}

/**
 * Starts `workers` worker threads. A worker needs a few hundred milliseconds to load the transform, so the
 * pool starts as soon as the run knows it will be big enough, and the workers load while this thread is
 * still reading the files; they take batches once `run` has them.
 */
export function startPool(transformName: string, options: ProcessOptions, workers: number, interrupt?: Interrupt): Pool {
  const stop = interrupt?.flag ?? new Int32Array(new SharedArrayBuffer(4));
  const stopped = (): boolean => Atomics.load(stop, 0) !== 0;
  const queue: Batch[] = [];
  let outcomes: (FileOutcome | Promise<FileOutcome>)[] = [];
  let pending = 0;
  let running = false;
  let wake: (() => void) | undefined;
  /** Records the outcomes of the candidates from index `start` on. */
  const settle = (start: number, results: (FileOutcome | Promise<FileOutcome>)[]): void => {
    results.forEach((outcome, i) => (outcomes[start + i] = outcome));
    pending -= results.length;
    wake?.();
  };

  const feeders = Array.from({ length: workers }, () => {
    // Workers read their files themselves: only paths cross the thread boundary.
    const worker = new Worker(WORKER_FILE, { workerData: { transform: transformName, options, stop } });
    let ready = false;
    /** The batch this worker has, and how many of its files it has reported. */
    let current: Batch | undefined;
    let done = 0;
    const feed = (): void => {
      if (!ready || current) return;
      current = stopped() ? undefined : queue.shift();
      done = 0;
      if (current) worker.postMessage(current.jobs.map((c) => c.job));
      else if (running) void worker.terminate();
    };
    worker.on('message', (message: 'ready' | 'stopped' | FileOutcome) => {
      if (message === 'ready') {
        ready = true;
      } else if (message === 'stopped') {
        current = undefined;
        wake?.();
      } else if (current) {
        settle(current.start + done, [message]);
        if (++done < current.jobs.length) return;
        current = undefined;
      }
      feed();
    });
    // A worker that dies (an error, a crash) leaves the rest of its batch to the others; 'exit' follows 'error'.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      ready = false;
      if (current) queue.unshift({ start: current.start + done, jobs: current.jobs.slice(done) });
      current = undefined;
      wake?.();
    });
    return { worker, feed, busy: () => current !== undefined };
  });
  interrupt?.onSignal(() => wake?.());
  const close = async (): Promise<void> => {
    await Promise.all(feeders.map(({ worker }) => worker.terminate()));
  };

  return {
    close,
    async run(transform, candidates, writer) {
      outcomes = new Array(candidates.length);
      pending = candidates.length;
      for (let i = 0; i < candidates.length; i += BATCH) queue.push({ start: i, jobs: candidates.slice(i, i + BATCH) });
      running = true;
      for (const { feed } of feeders) feed();

      const processGroup = processWith(transform, options, writer);
      while (pending > 0) {
        // Interrupted: no batch is begun any more; the run ends once the workers have left the ones they have.
        if (stopped()) {
          queue.length = 0;
          if (!feeders.some(({ busy }) => busy())) break;
        }
        const batch = queue.shift();
        if (batch) {
          settle(batch.start, processGroup(batch.jobs));
          // Let the workers' messages (and a signal) in before the next batch.
          await new Promise((resolve) => setImmediate(resolve));
        } else {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      }
      await close();
      return settleAll(outcomes);
    },
  };
}
