import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAllSync } from '../../src/load/write-fd.js';

const dir = mkdtempSync(path.join(tmpdir(), 'write-fd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAllSync', () => {
  it('writes the UTF-8 bytes of the text, with surrogate pairs split across its slices kept whole', () => {
    // 64 Ki units per slice: put a pair across the first boundary, and text well past several slices.
    const text = 'a'.repeat(64 * 1024 - 1) + '😀' + 'é✓'.repeat(100_000) + '\ud800';
    const file = path.join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    writeAllSync(fd, text);
    closeSync(fd);
    expect(readFileSync(file).equals(Buffer.from(text))).toBe(true);
  });

  it('waits for a slow reader on a non-blocking pipe, through partial writes and EAGAIN', async () => {
    const text = 'x'.repeat(3 * 1024 * 1024);
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader opens the pipe at once and reads only later, so the pipe (64 KiB) fills.
    const reader = spawn(
      process.execPath,
      ['-e', `const fs = require('fs'); const fd = fs.openSync(${JSON.stringify(fifo)}, 'r'); setTimeout(() => { let n = 0; const b = Buffer.alloc(65536); for (let k; (k = fs.readSync(fd, b)); ) n += k; console.log(n); }, 300);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let fd: number | undefined;
    while (fd === undefined) {
      try {
        fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch (error) {
        // No reader yet.
        if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    writeAllSync(fd, text);
    closeSync(fd);
    let out = '';
    reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => reader.on('close', resolve));
    expect(Number(out)).toBe(text.length);
  });
});
