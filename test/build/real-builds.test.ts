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

/** An export tree's HTML pages: URL → file (`about.html` and `about/index.html` are `/about`). */
function exportPages(out: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of filesBelow(out)) {
    if (!file.endsWith('.html') || file.startsWith('_next/')) continue;
    const url = file === 'index.html' ? '/' : `/${file.slice(0, -'.html'.length).replace(/\/index$/, '')}`;
    if (/^\/(404|_not-found)$/.test(url)) continue;
    pages.set(url, path.join(out, file));
  }
  return pages;
}

describe('fixtures/build-app: app router with cascades, async server components, a client counter, metadata, a feed', () => {
  let dir: string;
  let zfb: Awaited<ReturnType<typeof runCli>>;
  let exported: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = copyFixture('build-app', 'build');
    zfb = await runCli(['build', dir]);
    exported = await runCli(['build', dir, '--layout', 'next-export', '--out', path.join(dir, 'out-zfb')]);
    const next = await nextBuild(dir);
    expect(next.code, next.stdout + next.stderr).toBe(0);
  });

  test('both layouts build', () => {
    expect(zfb.code, zfb.stdout + zfb.stderr).toBe(0);
    expect(exported.code, exported.stdout + exported.stderr).toBe(0);
  });

  test('the same URLs as next build, each with the same text, title and lang', () => {
    const next = exportPages(path.join(dir, 'out'));
    const ours = zfbPages(path.join(dir, 'dist'));
    expect([...ours.keys()].sort()).toEqual([...next.keys()].sort());
    for (const [url, file] of next) expect({ url, ...pageFacts(ours.get(url)!) }).toEqual({ url, ...pageFacts(file) });
  });

  test('--layout next-export writes exactly the HTML files of Next.js out/, with the same content', () => {
    const html = (out: string) => filesBelow(out).filter((f) => f.endsWith('.html') && !f.startsWith('_next/'));
    expect(html(path.join(dir, 'out-zfb'))).toEqual(html(path.join(dir, 'out')));
    for (const file of html(path.join(dir, 'out'))) {
      expect({ file, ...pageFacts(path.join(dir, 'out-zfb', file)) }).toEqual({ file, ...pageFacts(path.join(dir, 'out', file)) });
    }
  });

  test('the route handler is written with its body, as next build writes it', () => {
    expect(readFileSync(path.join(dir, 'dist/feed.xml'), 'utf8')).toBe(readFileSync(path.join(dir, 'out/feed.xml'), 'utf8'));
  });

  test('the nested async server component read its file; the client counter is server-rendered', () => {
    const { text } = pageFacts(path.join(dir, 'dist/blog/first/index.html'));
    expect(text).toContain('The first post, read from disk by a nested async component.');
    expect(text).toContain('Likes: 0');
  });
});

describe('fixtures/build-mixed: pages router with i18n and Tailwind beside an app router page', () => {
  let dir: string;
  let build: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = copyFixture('build-mixed', 'build');
    build = await runCli(['build', dir]);
    const next = await nextBuild(dir);
    expect(next.code, next.stdout + next.stderr).toBe(0);
  });

  test('the build succeeds', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  test('the same URLs as next build (every locale), each with the same text, title and lang', () => {
    const next = nextServerPages(dir);
    const ours = zfbPages(path.join(dir, 'dist'));
    expect([...ours.keys()].sort()).toEqual([...next.keys()].sort());
    for (const [url, file] of next) expect({ url, ...pageFacts(ours.get(url)!) }).toEqual({ url, ...pageFacts(file) });
  });

  test('an ES module client component renders; its browser-only import() is left to the browser', () => {
    const html = readFileSync(path.join(dir, 'dist/hub/index.html'), 'utf8');
    expect(html).toContain('<p id="widget">Widget hub</p>');
    expect(html).toContain(readFileSync(path.join(dir, '.next/server/app/hub.html'), 'utf8').match(/<p id="widget">[^<]*<\/p>/)![0]);
  });

  test('a route handler with POST is not prerendered, by either build, whatever its dynamic says', () => {
    expect(existsSync(path.join(dir, '.next/server/app/api/subscribe.body'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist/api/subscribe'))).toBe(false);
    expect(build.stdout).toMatch(/\/api\/subscribe \(app\/api\/subscribe\/route\.ts\)/);
  });

  test('robots.ts is written as next build writes it', () => {
    expect(readFileSync(path.join(dir, 'dist/robots.txt'), 'utf8')).toBe(readFileSync(path.join(dir, '.next/server/app/robots.txt.body'), 'utf8'));
  });

  test('the default locale is also served without its prefix, as Next.js serves it', () => {
    expect(pageFacts(path.join(dir, 'dist/about/index.html'))).toEqual(pageFacts(path.join(dir, 'dist/en/about/index.html')));
    expect(pageFacts(path.join(dir, 'dist/index.html')).text).toContain('Hello (en)');
  });

  test("the stylesheet is the project's Tailwind, run through its PostCSS config", () => {
    const html = readFileSync(path.join(dir, 'dist/fr/index.html'), 'utf8');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const css = readFileSync(path.join(dir, 'dist', href!), 'utf8');
    expect(css).toMatch(/\.text-emerald-700\{color:var\(--color-emerald-700\)\}/);
    expect(css).toContain('.underline{');
    // Tailwind scanned the app router page too (one stylesheet, imported from both routers).
    expect(css).toContain('.text-sky-600{');
  });
});
