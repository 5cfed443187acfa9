import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture } from '../helpers/engines.js';
import { filesBelow } from './compare.js';

/**
 * Builds of one project are byte for byte the same, also when they run at the same time and their bundler
 * calls finish in another order (sharding and content-hashed chunk names rely on it). A `next/*` stand-in
 * reached both through our plugin (the project's `next/head`) and through esbuild's resolver (another
 * stand-in's `./head.js`) got the ESM interop of whichever resolution came first: one run in three of
 * three builds together differed.
 */
test('four builds of one project run at the same time write the same files, byte for byte', async () => {
  const dir = copyFixture('build-pages', 'build-deterministic');
  const outs = ['one', 'two', 'three', 'four'].map((name) => path.join(dir, name));
  const runs = await Promise.all(outs.map((out) => runCli(['build', dir, '--out', out])));
  for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
  const files = filesBelow(outs[0]!);
  expect(files.some((file) => file.startsWith('_next/static/chunks/'))).toBe(true);
  for (const out of outs.slice(1)) {
    expect(filesBelow(out)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(outs[0]!, file))), file).toBe(true);
  }
});
