import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/report/diff-report.js';
import { runDiff } from '../../src/report/run-diff.js';
import { builtFixture } from '../helpers/ground-truth.js';
import { repoRoot } from './helpers.js';

// The Next.js build readers against real next@16.4.6 builds of the shared fixtures: the app router with
// groups and a route handler (export), a cascade with dynamic and incomplete routes, and pages with i18n.
// Each build must serve exactly the URLs the route model of its project lists, and an export tree exactly
// the URLs of the build directory that wrote it.
const FIXTURES = ['next-app-export', 'next-app-cascade', 'next-pages-i18n'] as const;
const built = new Map<string, string>();
const rel = (fixture: string, ...parts: string[]): string => path.relative(repoRoot, path.join(built.get(fixture)!, ...parts));

beforeAll(async () => {
  // One after the other: each build already uses every core. The builds are shared with the conformance tests.
  for (const fixture of FIXTURES) built.set(fixture, (await builtFixture(fixture)).dir);
});

async function jsonDiff(base: string, head: string): Promise<DiffReport> {
  const result = await runDiff({ base, head, format: 'json', cwd: repoRoot, env: {} });
  expect(result.stderr).not.toContain('cannot read');
  return JSON.parse(result.stdout) as DiffReport;
}

function differences(report: DiffReport): unknown {
  return { added: report.added, removed: report.removed, routeChanges: report.routeChanges, textChanges: report.textChanges };
}

describe.each(FIXTURES)('real next build of fixtures/%s', (fixture) => {
  it('.next serves exactly the URLs of the route model', async () => {
    const report = await jsonDiff(rel(fixture), rel(fixture, '.next'));
    expect(report.head.kind).toBe('next-build');
    expect(report.head.urls).toBeGreaterThan(5);
    expect(differences(report)).toEqual({ added: [], removed: [], routeChanges: [], textChanges: [] });
  });
});

describe('details of the readers', () => {
  it('i18n: locale-prefixed keys map to their pages; error pages of every locale are left out', async () => {
    const report = await jsonDiff(rel('next-pages-i18n'), rel('next-pages-i18n', '.next'));
    const urls = report.unchanged.map((u) => u.url);
    expect(urls).toEqual(expect.arrayContaining(['/en', '/fr', '/en/about', '/fr/about', '/en/posts/a b', '/en/posts/x%2Fy']));
    expect(urls.filter((u) => /\/(404|500)$/.test(u))).toEqual([]);
    expect(report.unchanged.find((u) => u.url === '/fr/about')?.head).toEqual({ pattern: '/about', file: 'pages/about.jsx', origin: 'next-pages' });
  });

  it('app export: out/ holds the same URLs as .next, route handler output included, same page text', async () => {
    const report = await jsonDiff(rel('next-app-export', '.next'), rel('next-app-export', 'out'));
    expect(report.head.kind).toBe('next-export');
    expect(differences(report)).toEqual({ added: [], removed: [], routeChanges: [], textChanges: [] });
    expect(report.unchanged.find((u) => u.url === '/feed/rss.xml')?.head.file).toBe('app/feed/[id]/route.js');
    expect(report.counts.textCompared).toBeGreaterThan(5);
  });
});
