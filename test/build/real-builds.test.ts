import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFixture, nextBuild, readJson } from '../helpers/engines.js';
import { runCli } from '../helpers/cli.js';
import { filesBelow, nextServerPages, pageFacts } from './compare.js';

/**
 * `zfb-next build` against a real `next build` of the same fixture: the same URLs, and for every page the
 * same visible text, `<title>` and `<html lang>`. Nothing here was written by hand: both sides are engine
 * output.
 */

interface RoutesJson {
  routes: { url: string; output: string; extension: string; source: string }[];
}

function zfbPages(dist: string): Map<string, string> {
  const manifest = readJson<RoutesJson>(path.join(dist, '__zfb/routes.json'));
  return new Map(manifest.routes.filter((r) => r.extension === 'html').map((r) => [r.url, path.join(dist, r.output)]));
}

describe('fixtures/build-pages: pages router with _app, _document, CSS modules, fallback: true', () => {
  let dir: string;
  let build: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = copyFixture('build-pages', 'build');
    build = await runCli(['build', dir]);
    const next = await nextBuild(dir);
    expect(next.code, next.stdout + next.stderr).toBe(0);
  });

  test('the build succeeds and lists the notFound entry', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toContain('/posts/gone');
  });

  test('the same URLs as next build, each with the same text, title and lang', () => {
    const next = nextServerPages(dir);
    const ours = zfbPages(path.join(dir, 'dist'));
    expect([...ours.keys()].sort()).toEqual([...next.keys()].sort());
    for (const [url, file] of next) expect({ url, ...pageFacts(ours.get(url)!) }).toEqual({ url, ...pageFacts(file) });
  });

  test('the 404 page and the fallback: true shell show what Next.js writes', () => {
    const nextPages = path.join(dir, '.next/server/pages');
    expect(pageFacts(path.join(dir, 'dist/404.html'))).toEqual(pageFacts(path.join(nextPages, '404.html')));
    expect(pageFacts(path.join(dir, 'dist/posts/[slug]/index.html'))).toEqual(pageFacts(path.join(nextPages, 'posts/[slug].html')));
  });

  test('public/ is copied, and no page exists for the notFound entry', () => {
    expect(readFileSync(path.join(dir, 'dist/robots.txt'), 'utf8')).toBe('hello from public\n');
    expect(existsSync(path.join(dir, 'dist/posts/gone'))).toBe(false);
  });

  test('every page links a content-hashed stylesheet and a module script that exist', () => {
    const dist = path.join(dir, 'dist');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) expect(existsSync(path.join(dist, asset)), asset).toBe(true);
    expect(filesBelow(path.join(dist, '_next/static/chunks')).every((f) => /-[A-Z0-9]{8}\.js$/.test(f))).toBe(true);
  });
});
