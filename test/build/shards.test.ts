import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture } from '../helpers/engines.js';
import { filesBelow } from './compare.js';

/**
 * `--shard k/n` splits the URLs deterministically, and `merge-shards` joins the parts into exactly the site
 * one unsharded build writes, byte for byte (the CI matrix workflow of the README relies on both).
 */
test('two shards merged equal one whole build; each URL is built by exactly one shard', async () => {
  const dir = copyFixture('build-pages', 'build-shards');
  const whole = await runCli(['build', dir, '--out', path.join(dir, 'whole')]);
  expect(whole.code, whole.stdout).toBe(0);
  for (const k of [1, 2]) {
    const part = await runCli(['build', dir, '--shard', `${k}/2`, '--out', path.join(dir, `shard-${k}`)]);
    expect(part.code, part.stdout).toBe(0);
  }
  const routes = (shard: string) => (JSON.parse(readFileSync(path.join(dir, shard, '__zfb/routes.json'), 'utf8')) as { routes: { url: string }[] }).routes.map((r) => r.url);
  const [one, two] = [routes('shard-1'), routes('shard-2')];
  expect(one.length).toBeGreaterThan(0);
  expect(two.length).toBeGreaterThan(0);
  expect(one.filter((url) => two.includes(url))).toEqual([]);
  expect([...one, ...two].sort()).toEqual(routes('whole').sort());

  const merge = await runCli(['merge-shards', path.join(dir, 'merged'), path.join(dir, 'shard-1'), path.join(dir, 'shard-2')]);
  expect(merge.code, merge.stderr).toBe(0);
  const files = filesBelow(path.join(dir, 'whole'));
  expect(filesBelow(path.join(dir, 'merged'))).toEqual(files);
  for (const file of files) expect(readFileSync(path.join(dir, 'merged', file)).equals(readFileSync(path.join(dir, 'whole', file))), file).toBe(true);
});
