import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/report/diff-report.js';
import { runDiff } from '../../src/report/run-diff.js';
import { freshWorkDir, repoRoot, routesJson, writeFiles } from './helpers.js';

const run = promisify(execFile);
let work: string;
const rel = (name: string): string => path.relative(repoRoot, path.join(work, name));
const good = routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: ['/p/1', '/p/2'] }]);

beforeAll(() => {
  work = freshWorkDir('bad-input');
  writeFiles(work, {
    'good.json': good,
    'fewer.json': routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: ['/p/1'] }]),
    'corrupt.json': good.slice(0, 80),
    'future.json': routesJson([{ pattern: '/', file: 'pages/index.tsx', urls: ['/'] }], 2),
    'no-version.json': JSON.stringify({ routes: [] }),
    'bad-entry.json': JSON.stringify({ version: 1, routes: [{ pattern: '/', file: 'pages/index.tsx', origin: 'zfb', unmatched: 'not-found', providers: [], entries: [{ params: {} }] }] }),
    'broken-build/.next/prerender-manifest.json': '{"version": 4, "routes": ',
    'allow-missing-dir/.keep': '',
    'empty-dir/.keep': '',
  });
});

async function expectUnreadable(base: string, head: string, message: string): Promise<void> {
  const result = await runDiff({ base, head, cwd: repoRoot, env: {} });
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`zfb-next diff: ${message}\n`);
}

describe('sides that cannot be read: exit 2, naming the side and the reason', () => {
  it('a corrupt JSON file', async () => {
    const result = await runDiff({ base: rel('corrupt.json'), head: rel('good.json'), cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^zfb-next diff: cannot read the base side "${rel('corrupt.json')}": corrupt\\.json is not valid JSON \\(.+\\)\\n$`));
  });

  it('a missing directory', async () => {
    await expectUnreadable(rel('good.json'), rel('no-such-dir'), `cannot read the head side "${rel('no-such-dir')}": no such file or directory`);
  });

  it('a routes JSON version from the future', async () => {
    await expectUnreadable(
      rel('good.json'),
      rel('future.json'),
      `cannot read the head side "${rel('future.json')}": routes JSON version 2 is newer than this zfb-next reads (version 1); upgrade zfb-next`,
    );
  });

  it('routes JSON without a version, or with an entry missing its url', async () => {
    await expectUnreadable(rel('no-version.json'), rel('good.json'), `cannot read the base side "${rel('no-version.json')}": routes JSON "version" must be 1, got nothing`);
    await expectUnreadable(rel('bad-entry.json'), rel('good.json'), `cannot read the base side "${rel('bad-entry.json')}": routes[0].entries[0].url must be a string`);
  });

  it('an unknown git ref', async () => {
    await expectUnreadable('git:refs/heads/no-such-branch-anywhere', rel('good.json'), 'cannot read the base side "git:refs/heads/no-such-branch-anywhere": unknown git ref "refs/heads/no-such-branch-anywhere"');
  });

  it('a Next.js build with a corrupt manifest', async () => {
    const spec = rel('broken-build/.next');
    const result = await runDiff({ base: spec, head: rel('good.json'), cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^zfb-next diff: cannot read the base side "${spec.replace(/\./g, '\\.')}": prerender-manifest\\.json is not valid JSON`));
  });

  it('a directory that is no project', async () => {
    const result = await runDiff({ base: rel('empty-dir'), head: rel('good.json'), cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.startsWith(`zfb-next diff: cannot read the base side "${rel('empty-dir')}": `)).toBe(true);
  });

  it('a missing --allow file', async () => {
    const allow = path.join(work, 'allow-missing-dir', 'allow.txt');
    const result = await runDiff({ base: rel('good.json'), head: rel('good.json'), allow, cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`zfb-next diff: cannot read the --allow file "${allow}": no such file\n`);
  });
});

describe('the installed command', () => {
  it('node bin/zfb-next.js diff: report file written, exit code 1 for a removed URL', async () => {
    const output = path.join(work, 'cli/report.json');
    mkdirSync(path.dirname(output), { recursive: true });
    const child = await run(
      process.execPath,
      ['bin/zfb-next.js', 'diff', rel('good.json'), rel('fewer.json'), '--format', 'json', '--output', output],
      { cwd: repoRoot, env: { ...process.env, GITHUB_STEP_SUMMARY: '' } },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(child.stderr).toBe('zfb-next diff: 0 added, 1 removed, 1 unchanged, 0 changed routes: 1 failing --fail-on removed\n');
    expect(child.code).toBe(1);
    expect((JSON.parse(readFileSync(output, 'utf8')) as DiffReport).removed.map((r) => r.url)).toEqual(['/p/2']);
  });
});
