import { writeSync } from 'node:fs';

// A pipe may be non-blocking (the flag belongs to the open pipe, which every process holding it shares, and
// Node sets it on pipes it reads), and then a write to a full pipe fails with EAGAIN instead of waiting:
// wait a little and write the rest.
const RETRY_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

// The text is encoded a slice at a time into one buffer: encoding 12 MB at once would touch 12 MB of fresh
// memory, and each new page costs a fault.
const SLICE = 64 * 1024;

/** Writes all of `text` to `fd` as UTF-8, synchronously, whether the descriptor blocks or not; returns the bytes written. */
export function writeAllSync(fd: number, text: string): number {
  const buffer = Buffer.allocUnsafe(SLICE * 3);
  let written = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SLICE, text.length);
    // A surrogate pair stays whole: its halves alone would each be written as U+FFFD.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const length = buffer.write(text.slice(start, end), 'utf8');
    writeBytes(fd, buffer, length);
    written += length;
    start = end;
  }
  return written;
}

function writeBytes(fd: number, bytes: Buffer, length: number): void {
  let offset = 0;
  while (offset < length) {
    try {
      offset += writeSync(fd, bytes, offset, length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, RETRY_MS);
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
