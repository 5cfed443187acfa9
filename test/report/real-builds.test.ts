import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/report/diff-report.js';
import { runDiff } from '../../src/report/run-diff.js';
import { builtFixture } from '../helpers/ground-truth.js';
import { freshWorkDir, repoRoot, zfbBuild } from './helpers.js';

// The same small site built by the real next@16.4.6 (pages router, output: 'export') and by the real zfb:
// fixtures/diff-site-zfb differs on purpose in two ways (no /posts/third, other words on /about);
// fixtures/diff-site-zfb-same serves exactly the same URLs and text.
let work: string;
let nextBuilt: string;
// 'next/…' is the shared ground-truth build of fixtures/diff-site-next; everything else is below `work`.
const rel = (first: string, ...parts: string[]): string => {
  const [head, ...rest] = first.split('/');
  const base = head === 'next' ? path.join(nextBuilt, ...rest) : path.join(work, first);
  return path.relative(repoRoot, path.join(base, ...parts));
};

beforeAll(async () => {
  work = freshWorkDir('real-builds');
  const zfbWarnings = await Promise.all([
    zfbBuild('diff-site-zfb', path.join(work, 'zfb')),
    zfbBuild('diff-site-zfb-same', path.join(work, 'zfb-same')),
  ]);
  // A skipped zfb route would make the "same URLs" claim below vacuous.
  for (const stderr of zfbWarnings) expect(stderr).not.toContain('⚠');
  nextBuilt = (await builtFixture('diff-site-next')).dir;
});

async function jsonDiff(base: string, head: string): Promise<{ exitCode: number; report: DiffReport }> {
  const result = await runDiff({ base, head, format: 'json', cwd: repoRoot, env: {} });
  expect(result.stderr).not.toContain('cannot read');
  return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as DiffReport };
}

const ALL_URLS = ['/', '/about', '/docs', '/docs/guide/intro', '/posts/hello world', '/posts/second', '/posts/third'];

/** What differs between any Next.js pages build and any zfb build of this site: who lists the params. */
const PROVIDER_CHANGES = [
  ['/docs/[[...slug]]', ['provider'], ['getStaticPaths'], ['paths'], 'pages/docs/[[...slug]].tsx', 'pages/docs/[[...slug]].tsx'],
  ['/posts/[slug]', ['provider'], ['getStaticPaths'], ['paths'], 'pages/posts/[slug].tsx', 'pages/posts/[slug].tsx'],
];

function routeChanges(report: DiffReport): unknown[] {
  return report.routeChanges.map((c) => [c.base.pattern, c.changes, c.base.providers, c.head.providers, c.base.file, c.head.file]);
}

describe.each([
  ['.next (manifests)', 'next/.next', 'next-build'],
  ['out/ (export tree)', 'next/out', 'next-export'],
])('real next build %s vs real zfb build', (_name, nextSide, kind) => {
  it('shows exactly the differences the sites have: one removed slug, one changed text', async () => {
    const { exitCode, report } = await jsonDiff(rel(nextSide), rel('zfb/dist'));
    expect(report.base.kind).toBe(kind);
    expect(report.head.kind).toBe('zfb-dist');
    expect(report.base.urls).toBe(7);
    expect(report.removed.map((r) => [r.url, r.base.pattern, r.base.file])).toEqual([
      ['/posts/third', '/posts/[slug]', 'pages/posts/[slug].tsx'],
    ]);
    expect(report.added).toEqual([]);
    expect(report.unchanged.map((u) => u.url)).toEqual(ALL_URLS.filter((u) => u !== '/posts/third'));
    // "hello world" is raw in Next's manifest key and file name, and raw in zfb's routes.json url.
    expect(report.unchanged.find((u) => u.url === '/posts/hello world')?.head.file).toBe('pages/posts/[slug].tsx');
    expect(report.textChanges.map((t) => [t.url, t.base.excerpt, t.head.excerpt])).toEqual([
      ['/about', '…This site exists to compare two builds.', '…This site exists to compare two engines.'],
    ]);
    expect(report.counts.textCompared).toBe(6);
    expect(routeChanges(report)).toEqual(PROVIDER_CHANGES);
    expect(report.routeChanges.every((c) => c.base.unmatched === 'not-found' && c.head.unmatched === 'not-found')).toBe(true);
    expect(exitCode).toBe(1);
  });

  it('shows no URL or text difference when the zfb site serves the same pages', async () => {
    const { exitCode, report } = await jsonDiff(rel(nextSide), rel('zfb-same/dist'));
    expect(report.added).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.textChanges).toEqual([]);
    expect(report.unchanged.map((u) => u.url)).toEqual(ALL_URLS);
    expect(report.counts.textCompared).toBe(7);
    expect(routeChanges(report)).toEqual(PROVIDER_CHANGES);
    expect(exitCode).toBe(0);
    const changed = await runDiff({ base: rel(nextSide), head: rel('zfb-same/dist'), failOn: 'changed', cwd: repoRoot, env: {} });
    expect(changed.exitCode).toBe(1);
  });
});

describe('real builds, other pairings', () => {
  it('.next and out/ of one build are the same site', async () => {
    const { exitCode, report } = await jsonDiff(rel('next/.next'), rel('next/out'));
    expect(report.unchanged.map((u) => u.url)).toEqual(ALL_URLS);
    expect(report.added).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.routeChanges).toEqual([]);
    expect(report.textChanges).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('reads zfb routes.json given as a file, and compares zfb against zfb', async () => {
    const { report } = await jsonDiff(rel('zfb-same/dist/__zfb/routes.json'), rel('zfb/dist'));
    expect(report.base.kind).toBe('zfb-dist');
    expect(report.removed.map((r) => r.url)).toEqual(['/posts/third']);
    expect(report.textChanges.map((t) => t.url)).toEqual(['/about']);
    expect(report.routeChanges).toEqual([]);
  });
});

describe('project directories (the route model) against their own real builds', () => {
  it('the model of each project serves exactly the URLs its engine built', async () => {
    for (const [project, build] of [
      ['next', 'next/.next'],
      ['zfb', 'zfb/dist'],
      ['zfb-same', 'zfb-same/dist'],
    ]) {
      const { exitCode, report } = await jsonDiff(rel(project!), rel(build!));
      expect(report.base.kind).toBe('project');
      expect(report.base.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect([report.added, report.removed, report.routeChanges]).toEqual([[], [], []]);
      expect(report.unchanged.length).toBe(report.base.urls);
      expect(exitCode).toBe(0);
    }
  });

  it('two projects differ exactly as their builds do', async () => {
    const { report } = await jsonDiff(rel('next'), rel('zfb'));
    expect(report.removed.map((r) => r.url)).toEqual(['/posts/third']);
    expect(report.added).toEqual([]);
    expect(routeChanges(report)).toEqual(PROVIDER_CHANGES);
    expect(report.counts.textCompared).toBe(0);
  });
});
