import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { groundTruth, PINNED, versionInstall, type NextInstall } from '../helpers/ground-truth.js';

/**
 * `params` as each release hands it to pages and `generateMetadata`: a plain object (≤14.2), a promise
 * that carries the values too (15.x), a plain promise (16). fixtures/versions/sync-params reads
 * `params.slug` without `await`, as code written for Next.js 14 does; `zfb-next build` of each release's
 * build folder writes the page that release's `next build` wrote. A sitemap split with generateSitemaps gets
 * its id as generateSitemaps gave it (the number 0) up to 14.2, as the URL's string in 15.x and as a
 * promise from 16: the fixture's sitemap, which wants a string, is prerendered or left to request time as
 * each release's build decides, and the route model lists what that build wrote.
 */

const INSTALLS: Record<string, NextInstall> = {
  '13.5': versionInstall('13.5'),
  '14.2': versionInstall('14.2'),
  '15.5': versionInstall('15.5'),
  '16.4': PINNED,
};

const outs: string[] = [];
afterAll(() => {
  for (const out of outs) rmSync(out, { recursive: true, force: true });
});

/** The `<h1>` and `<title>` text of a page, React's `<!-- -->` separators left out. */
function texts(html: string): { h1: string; title: string } {
  const text = (tag: string): string => new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`).exec(html)?.[1]?.replace(/<!-- -->/g, '') ?? '';
  return { h1: text('h1'), title: text('title') };
}

describe('params read without await (fixtures/versions/sync-params)', () => {
  test.each([
    ['13.5', 'first'],
    ['14.2', 'first'],
    ['15.5', 'first'],
    ['16.4', 'undefined'],
  ])('next@%s: the page as next build writes it (params.slug is %s)', async (line, slug) => {
    const truth = await groundTruth('versions/sync-params', INSTALLS[line]!);
    expect(truth.build.code, truth.build.stdout + truth.build.stderr).toBe(0);
    const next = texts(readFileSync(path.join(truth.dir, '.next', 'server', 'app', 'posts', 'first.html'), 'utf8'));
    expect(next).toEqual({ h1: `Post ${slug}`, title: `Title ${slug}` });

    const out = mkdtempSync(path.join(tmpdir(), 'zfb-next-params-'));
    outs.push(out);
    const build = await runCli(['build', truth.dir, '--out', path.join(out, 'dist')]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(texts(readFileSync(path.join(out, 'dist', 'posts', 'first', 'index.html'), 'utf8'))).toEqual(next);
    // The sitemap split with generateSitemaps, where this release prerendered it: the same bytes.
    const sitemap = path.join(truth.dir, '.next', 'server', 'app', 'sitemap', '0.xml.body');
    if (existsSync(sitemap)) expect(readFileSync(path.join(out, 'dist', 'sitemap', '0.xml'), 'utf8')).toBe(readFileSync(sitemap, 'utf8'));
  });
});

describe('a sitemap reading its id without await (fixtures/versions/sync-params)', () => {
  test.each([
    ['13.5', false],
    ['14.2', false],
    ['15.5', true],
    ['16.4', false],
  ])('next@%s: the route model lists the sitemap URLs when next build prerendered them (%s)', async (line, prerendered) => {
    const truth = await groundTruth('versions/sync-params', INSTALLS[line]!);
    expect(truth.build.code, truth.build.stdout + truth.build.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(truth.dir, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
    const nextSitemaps = Object.keys(manifest.routes).filter((url) => url.startsWith('/sitemap')).sort();
    expect(nextSitemaps.length > 0).toBe(prerendered);

    const routes = await runCli(['routes', truth.dir, '--json']);
    const model = JSON.parse(routes.stdout) as { routes: { entries: { url: string }[] }[] };
    expect(model.routes.flatMap((r) => r.entries.map((e) => e.url)).filter((url) => url.startsWith('/sitemap')).sort()).toEqual(nextSitemaps);
  });
});
