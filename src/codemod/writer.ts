import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Transform } from '../../codemods/_shared/types.js';
import { transformFiles, writeFailed, type FileJob, type FileOutcome, type ProcessOptions } from './process-file.js';
import { commitWrite, type PendingWrite, type WriteFailure } from './write-atomic.js';

// Beside this module both in dist/src/codemod/ (tsc) and in the CLI bundle's one folder (scripts/build-cli.mjs).
const WRITER_FILE = fileURLToPath(new URL('./write-worker.js', import.meta.url));

/** Takes the writes of one thread's changed files, in order. */
export interface Writer {
  /** Resolves once the file is in place (undefined) or was left untouched (the failure). */
  write(write: PendingWrite): Promise<WriteFailure | undefined>;
  /** Waits for every write asked for, then ends the writer. */
  close(): Promise<void>;
}

/** Writes on the calling thread, at once. */
export function writerHere(): Writer {
  const knownDirs = new Set<string>();
  return {
    write: (write) => Promise.resolve(commitWrite(write, knownDirs)),
    close: () => Promise.resolve(),
  };
}

/** One write sent to the writer thread. */
export interface WriteRequest {
  id: number;
  write: PendingWrite;
}

/** The writer thread's answer to one WriteRequest. */
export interface Reply {
  id: number;
  failure?: WriteFailure;
  /** An error no file outcome can describe (say, the moved file's old copy could not be removed). */
  fatal?: string;
}

/** Writes go to the writer thread in batches of this many: each message wakes the thread once. */
const WRITE_BATCH = 16;

/**
 * Writes on a thread of their own, so the file-system calls (each new folder and file costs a metadata
 * update, slow on some disks) run beside the transforms instead of between them. Falls back to writing
 * here where the compiled worker is missing (tests run the TypeScript sources) or there is a single core.
 */
export function startWriter(): Writer {
  if (!existsSync(WRITER_FILE) || availableParallelism() < 2) return writerHere();
  const worker = new Worker(WRITER_FILE);
  const waiting = new Map<number, { resolve: (failure: WriteFailure | undefined) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let batch: WriteRequest[] = [];
  let flushQueued = false;
  const flush = (): void => {
    flushQueued = false;
    if (batch.length === 0) return;
    worker.postMessage(batch);
    batch = [];
  };
  const failAll = (error: Error): void => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (replies: Reply[]) => {
    for (const { id, failure, fatal } of replies) {
      const entry = waiting.get(id)!;
      waiting.delete(id);
      if (fatal !== undefined) entry.reject(new Error(fatal));
      else entry.resolve(failure);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the writer thread stopped before every file was written')));
  return {
    write(write) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        batch.push({ id, write });
        if (batch.length >= WRITE_BATCH) flush();
        else if (!flushQueued) {
          // A run that stops asking (its last files, or a caller awaiting this write) sends the rest now.
          flushQueued = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      // Every write was awaited by the caller; what is left is the idle thread.
      await worker.terminate();
    },
  };
}

/**
 * Files through the transform on this thread, a group at a time (transformFiles); their writes go to
 * `writer`. Outcomes come back in the input order.
 */
export function processWith(
  transform: Transform,
  options: ProcessOptions,
  writer: Writer,
): (files: readonly { job: FileJob; source: string }[]) => (FileOutcome | Promise<FileOutcome>)[] {
  return (files) =>
    transformFiles(transform, files, options).map(({ outcome, write }) => {
      if (!write) return outcome;
      return writer.write(write).then((failure) => (failure ? writeFailed(outcome, write, failure, options.cwd) : outcome));
    });
}

/** Like Promise.all, but waits for every write before failing, so none is cut off halfway. */
export async function settleAll<T extends FileOutcome | undefined>(outcomes: readonly (T | Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(outcomes);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
