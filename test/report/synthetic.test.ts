import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/report/diff-report.js';
import { MARKDOWN_MARKER } from '../../src/report/render-md.js';
import { runDiff, type DiffFormat } from '../../src/report/run-diff.js';
import { freshWorkDir, repoRoot, writeSyntheticNextBuild, type SyntheticPage } from './helpers.js';

// Four synthetic changes between two builds (plus one added page), each of which must show in every format:
// a removed slug (/blog/c), a renamed route file (docs/[id].tsx → docs/[id]/index.tsx, same URLs), a
// fallback change (/shop/[item]: false → 'blocking', i.e. manifest null) and changed page text (/about).
const common = (url: string): string => `<h1>Page ${url}</h1><p>Shared text of ${url}.</p>`;
const basePages: SyntheticPage[] = [
  { page: '/', file: 'pages/index.tsx', text: common },
  { page: '/about', file: 'pages/about.tsx', text: () => '<h1>About</h1><p>We build static sites.</p>' },
  { page: '/blog/[slug]', file: 'pages/blog/[slug].tsx', urls: ['/blog/a', '/blog/b', '/blog/c'], text: common },
  { page: '/docs/[id]', file: 'pages/docs/[id].tsx', urls: ['/docs/intro', '/docs/setup'], text: common },
  { page: '/shop/[item]', file: 'pages/shop/[item].tsx', urls: ['/shop/hat'], fallback: false, text: common },
];
const headPages: SyntheticPage[] = [
  basePages[0]!,
  { page: '/about', file: 'pages/about.tsx', text: () => '<h1>About</h1><p>We build <em>fast</em> static sites.</p>' },
  { page: '/blog/[slug]', file: 'pages/blog/[slug].tsx', urls: ['/blog/a', '/blog/b'], text: common },
  { page: '/contact', file: 'pages/contact.tsx', text: common },
  { page: '/docs/[id]', file: 'pages/docs/[id]/index.tsx', urls: ['/docs/intro', '/docs/setup'], text: common },
  { page: '/shop/[item]', file: 'pages/shop/[item].tsx', urls: ['/shop/hat'], fallback: null, text: common },
];

const BASE = '.work/report/synthetic/base/.next';
const HEAD = '.work/report/synthetic/head/.next';
const goldenDir = path.join(repoRoot, 'test/report/golden');

beforeAll(() => {
  const dir = freshWorkDir('synthetic');
  writeSyntheticNextBuild(path.join(dir, 'base'), basePages);
  writeSyntheticNextBuild(path.join(dir, 'head'), headPages);
});

async function diff(format: DiffFormat, extra: Partial<Parameters<typeof runDiff>[0]> = {}) {
  return runDiff({ base: BASE, head: HEAD, format, cwd: repoRoot, env: {}, ...extra });
}

/** Compares with test/report/golden/<name>; UPDATE_GOLDEN=1 rewrites the file first. */
function expectGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('synthetic changes between two builds', () => {
  it('json: every change, in the versioned schema, equal to the golden file', async () => {
    const result = await diff('json');
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report).toEqual(result.report);
    expect(report.schema).toBe('zfb-next-diff');
    expect(report.version).toBe(1);
    expect(report.removed.map((r) => r.url)).toEqual(['/blog/c']);
    expect(report.added.map((a) => a.url)).toEqual(['/contact']);
    expect(report.unchanged.map((u) => u.url)).toEqual([
      '/',
      '/about',
      '/blog/a',
      '/blog/b',
      '/docs/intro',
      '/docs/setup',
      '/shop/hat',
    ]);
    expect(report.routeChanges.map((c) => [c.base.pattern, c.changes, c.base.file, c.head.file, c.base.unmatched, c.head.unmatched])).toEqual([
      ['/docs/[id]', ['file'], 'pages/docs/[id].tsx', 'pages/docs/[id]/index.tsx', 'not-found', 'not-found'],
      ['/shop/[item]', ['unmatched'], 'pages/shop/[item].tsx', 'pages/shop/[item].tsx', 'not-found', 'blocking'],
    ]);
    expect(report.textChanges).toEqual([
      {
        url: '/about',
        base: { html: 'server/pages/about.html', excerpt: 'About We build static sites.' },
        head: { html: 'server/pages/about.html', excerpt: 'About We build fast static sites.' },
      },
    ]);
    expect(report.counts).toMatchObject({ added: 1, removed: 1, unchanged: 7, routeChanges: 2, textChanged: 1, textCompared: 7 });
    expect(result.stdout).not.toContain(repoRoot);
    expectGolden('synthetic.json', result.stdout);
  });

  it('md: the marker first, the counts table, then each change; equal to the golden file', async () => {
    const { stdout, exitCode } = await diff('md');
    expect(exitCode).toBe(1);
    expect(stdout.split('\n')[0]).toBe(MARKDOWN_MARKER);
    expect(stdout.indexOf('| URLs removed | 1 |')).toBeGreaterThan(0);
    expect(stdout.indexOf('| URLs removed | 1 |')).toBeLessThan(stdout.indexOf('Removed URLs'));
    expect(stdout).toContain('| `/blog/c` | `/blog/[slug]` | `pages/blog/[slug].tsx` |  |');
    expect(stdout).toContain('| `/contact` | `/contact` | `pages/contact.tsx` |');
    expect(stdout).toContain('file `pages/docs/[id].tsx` → `pages/docs/[id]/index.tsx`');
    expect(stdout).toContain('unmatched URLs not-found → blocking');
    expect(stdout).toContain('| `/about` | `About We build static sites.` | `About We build fast static sites.` |');
    expect(stdout).not.toContain(repoRoot);
    expectGolden('synthetic.md', stdout);
  });

  it('junit: a failing case per removed URL; changed routes and text fail only with --fail-on changed', async () => {
    const removedOnly = (await diff('junit')).stdout;
    expect(removedOnly).toMatch(/<testcase name="\/blog\/c" classname="zfb-next.diff.removed">\s*<failure message="\/blog\/c is no longer served">/);
    expect(removedOnly.match(/<failure /g)).toHaveLength(1);
    expect(removedOnly).toContain('<testcase name="/contact" classname="zfb-next.diff.added">');
    expect(removedOnly).toContain('<testcase name="/docs/[id]" classname="zfb-next.diff.route">');
    expect(removedOnly).toContain('source file pages/docs/[id].tsx → pages/docs/[id]/index.tsx');
    expect(removedOnly).toContain('unmatched URLs not-found → blocking');
    expect(removedOnly).toContain('<testcase name="/about" classname="zfb-next.diff.text">');
    expect(removedOnly).toContain('<testcase name="/blog/[slug] (2 URLs)" classname="zfb-next.diff.unchanged"/>');
    expect(removedOnly).toMatch(/<testsuites name="zfb-next diff" tests="10" failures="1" errors="0">/);

    const changed = await diff('junit', { failOn: 'changed' });
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout.match(/<failure /g)).toHaveLength(4);
    expect(changed.stdout).toContain('<failure message="the text of /about changed">base: About We build static sites.\nhead: About We build fast static sites.</failure>');
  });

  it('html: every change is in the one file, and the file needs no network', async () => {
    const { stdout } = await diff('html');
    expect(stdout).toContain('<td data-count="removed">1</td>');
    expect(stdout).toContain('<td data-count="added">1</td>');
    expect(stdout).toContain('<td data-count="fileChanged">1</td>');
    expect(stdout).toContain('<td data-count="unmatchedChanged">1</td>');
    expect(stdout).toContain('<td data-count="textChanged">1</td>');
    expect(stdout).toContain('["/blog/c","r",');
    expect(stdout).toContain('["/contact","a",');
    expect(stdout).toContain('source file <code>pages/docs/[id].tsx</code> → <code>pages/docs/[id]/index.tsx</code>');
    expect(stdout).toContain('unmatched URLs not-found → blocking');
    expect(stdout).toContain('<td class="ins">About We build fast static sites.</td>');
    expect(stdout).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(stdout).toContain("default-src 'none'");
  });

  it('is byte-deterministic in every format', async () => {
    for (const format of ['md', 'json', 'junit', 'html'] as const) {
      expect((await diff(format)).stdout).toBe((await diff(format)).stdout);
    }
  });

  it('policy: --allow globs mark intended removals; --fail-on picks what fails', async () => {
    const dir = freshWorkDir('synthetic-allow');
    writeFileSync(path.join(dir, 'allow.txt'), '# the blog shrank on purpose\n\nblog/*\n');
    const allowFile = path.relative(repoRoot, path.join(dir, 'allow.txt'));
    const allowed = await diff('json', { allow: allowFile });
    expect(allowed.exitCode).toBe(0);
    const report = JSON.parse(allowed.stdout) as DiffReport;
    expect(report.removed).toEqual([expect.objectContaining({ url: '/blog/c', allowedBy: '/blog/*' })]);
    expect(report.policy).toEqual({ failOn: 'removed', allow: ['/blog/*'], failures: 0, failed: false, allowMatches: [{ glob: '/blog/*', line: 3, removed: 1 }] });
    expect(allowed.stderr).toContain('zfb-next diff: --allow line 3 "/blog/*" matched 1 removed URL\n');
    expect((await diff('junit', { allow: allowFile })).stdout).toContain('<system-out>removal allowed by /blog/*</system-out>');

    expect((await diff('json', { failOn: 'none' })).exitCode).toBe(0);
    const changed = await diff('json', { failOn: 'changed', allow: allowFile });
    expect(changed.exitCode).toBe(1);
    expect((JSON.parse(changed.stdout) as DiffReport).policy.failures).toBe(3);
    expect((JSON.parse((await diff('json', { failOn: 'any' })).stdout) as DiffReport).policy.failures).toBe(5);
  });

  it('appends the md report to GITHUB_STEP_SUMMARY and writes --output files', async () => {
    const dir = freshWorkDir('synthetic-summary');
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const result = await diff('md', { env: { GITHUB_STEP_SUMMARY: summary }, output: path.join(dir, 'out/report.md') });
    expect(result.stdout).toBe('');
    const report = readFileSync(path.join(dir, 'out/report.md'), 'utf8');
    expect(readFileSync(summary, 'utf8')).toBe(`earlier step\n${report}`);
    await diff('json', { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe(`earlier step\n${report}`);
  });
});
