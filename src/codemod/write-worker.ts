import { parentPort } from 'node:worker_threads';
import { commitWrite } from './write-atomic.js';
import type { Reply, WriteRequest } from './writer.js';

/** The writer thread (see writer.ts): commits the writes it is sent, one after another, in order. */
const port = parentPort!;
const knownDirs = new Set<string>();

port.on('message', (batch: WriteRequest[]) => {
  const replies: Reply[] = batch.map(({ id, write }) => {
    try {
      return { id, failure: commitWrite(write, knownDirs) };
    } catch (error) {
      return { id, fatal: error instanceof Error ? error.message : String(error) };
    }
  });
  port.postMessage(replies);
});
