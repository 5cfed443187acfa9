import { writeSync } from 'node:fs';

// A descriptor shared with another process may be non-blocking (Node makes a pipe it opens for stdout so),
// and then a write to a full pipe fails with EAGAIN instead of waiting: wait a little and write the rest.
const RETRY_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd`, synchronously, whether the descriptor blocks or not. */
export function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, RETRY_MS);
    }
  }
}
