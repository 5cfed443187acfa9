import fs, { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { installFastReadFile } from '../../src/load/fast-read-file.js';

/**
 * The host's `fs.promises.readFile` (load/fast-read-file.ts) must answer exactly what Node's does: the same
 * bytes, the same errors. Each case is read with Node's function and with the host's, and compared.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'fast-read-file-'));
const small = path.join(dir, 'post.md');
const large = path.join(dir, 'large.bin');
const folder = path.join(dir, 'folder');
writeFileSync(small, '# Title\n\nbody é\n');
writeFileSync(large, Buffer.alloc((1 << 20) + 1, 7));
mkdirSync(folder);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const original = fs.promises.readFile;

async function settle(read: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await read();
    // Buffers as text: a deep comparison of two 1 MiB Buffers takes seconds.
    return Buffer.isBuffer(value) ? { buffer: value.toString('base64') } : { value };
  } catch (error) {
    const { message, code, syscall } = error as NodeJS.ErrnoException;
    return { error: { message, code, syscall } };
  }
}

const cases: [string, unknown[]][] = [
  ['a path and an encoding', [small, 'utf8']],
  ['a path, no options (a Buffer)', [small]],
  ['a file URL and { encoding }', [pathToFileURL(small), { encoding: 'utf8' }]],
  ['a Buffer path and { encoding, flag: "r" }', [Buffer.from(small), { encoding: 'latin1', flag: 'r' }]],
  ['a missing file', [path.join(dir, 'missing.md'), 'utf8']],
  ['a folder', [folder, 'utf8']],
  ['a file over 1 MiB', [large]],
  ['an abort signal', [small, { encoding: 'utf8', signal: new AbortController().signal }]],
  ['an unknown encoding', [small, 'klingon']],
];

describe('the host readFile answers as Node does', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = installFastReadFile();
    return () => restore();
  });

  test.each(cases)('%s', async (_name, args) => {
    const ours = await settle(() => (fs.promises.readFile as (...a: unknown[]) => Promise<unknown>)(...args));
    const node = await settle(() => (original as (...a: unknown[]) => Promise<unknown>)(...args));
    expect(ours).toEqual(node);
  });

  test('reads a small file synchronously, and only that', async () => {
    const spy = vi.spyOn(fs, 'readFileSync');
    try {
      await fs.promises.readFile(small, 'utf8');
      expect(spy).toHaveBeenCalledTimes(1);
      await fs.promises.readFile(large);
      await fs.promises.readFile(small, { encoding: 'utf8', flag: 'a+' });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('an ES module import of node:fs/promises gets it too', async () => {
    const namespace = await import('node:fs/promises');
    expect(namespace.readFile).toBe(fs.promises.readFile);
    expect(namespace.readFile).not.toBe(original);
  });
});

test('the function returned puts Node’s own back', async () => {
  const restore = installFastReadFile();
  restore();
  expect(fs.promises.readFile).toBe(original);
  expect((await import('node:fs/promises')).readFile).toBe(original);
});
