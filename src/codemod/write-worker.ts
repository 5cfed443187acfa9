import { parentPort } from 'node:worker_threads';
import { commitWrite, type PendingWrite } from './write-atomic.js';

/** The writer thread (see writer.ts): commits the writes it is sent, one after another, in order. */
const port = parentPort!;
const knownDirs = new Set<string>();

port.on('message', ({ id, write }: { id: number; write: PendingWrite }) => {
  try {
    port.postMessage({ id, failure: commitWrite(write, knownDirs) });
  } catch (error) {
    port.postMessage({ id, fatal: error instanceof Error ? error.message : String(error) });
  }
});
