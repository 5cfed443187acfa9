import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, nextBuild, zfbBuild } from '../helpers/engines.js';
import { compareBuilds } from './helpers.js';

// fixtures/migrate-metadata-routes: an app-router site with app/sitemap.ts (reads content/ and the MDX pages
// of app/guides/ from disk; uses alternates, images, videos, Dates and strings), app/robots.ts,
// app/manifest.ts, and the file forms app/favicon.ico, app/icon.png, app/blog/opengraph-image.png and
// app/docs/sitemap.xml. Built by the real next build, migrated, built by the real zfb build.
let source: string;
let out: string;
let report: MigrationReport;

/** Every metadata URL of the fixture: Next.js writes its body to .next/server/app/<url>.body. */
const URLS = ['/sitemap.xml', '/robots.txt', '/manifest.webmanifest', '/docs/sitemap.xml', '/favicon.ico', '/icon.png', '/blog/opengraph-image.png'];

beforeAll(async () => {
  source = copyFixture('migrate-metadata-routes', 'migrate');
  out = `${source}-zfb`;
  const next = await nextBuild(source);
  expect(next.code, next.stderr).toBe(0);
  const run = await runCli(['migrate', path.relative(process.cwd(), source), '--out', path.relative(process.cwd(), out), '--force', '--json']);
  expect(run.code, run.stderr).toBe(0);
  report = JSON.parse(run.stdout) as MigrationReport;
  const zfb = await zfbBuild(out);
  expect(zfb.code, zfb.stderr).toBe(0);
  // A parse failure of a written module turns zfb's islands off with a warning only.
  expect(zfb.stderr).not.toContain('islands scanner failed');
}, 300_000);

const nextBody = (url: string) => readFileSync(path.join(source, '.next/server/app', `${url.slice(1)}.body`));
const zfbBody = (url: string) => readFileSync(path.join(out, 'dist', url.slice(1)));

describe('migrate: app-router metadata routes', () => {
  it('loses no URL: every metadata route is migrated', () => {
    expect(report.urls.lost).toEqual([]);
    expect(report.notMigrated.filter((n) => n.file.startsWith('app/'))).toEqual([]);
    const transforms = Object.fromEntries(report.routes.filter((r) => URLS.includes(r.pattern)).map((r) => [r.pattern, [r.transform, r.target, r.data]]));
    expect(transforms).toEqual({
      '/sitemap.xml': ['endpoint', ['pages/sitemap.xml.tsx'], 'next-data/sitemap.ts'],
      '/robots.txt': ['endpoint', ['pages/robots.txt.tsx'], 'next-data/robots.ts'],
      '/manifest.webmanifest': ['endpoint', ['pages/manifest.webmanifest.tsx'], 'next-data/manifest.ts'],
      '/docs/sitemap.xml': ['copy', ['public/docs/sitemap.xml'], undefined],
      '/favicon.ico': ['copy', ['public/favicon.ico'], undefined],
      '/icon.png': ['copy', ['public/icon.png'], undefined],
      '/blog/opengraph-image.png': ['copy', ['public/blog/opengraph-image.png'], undefined],
    });
  });

  it('serves each URL with the bytes next build wrote for it', () => {
    for (const url of URLS) expect(zfbBody(url).equals(nextBody(url)), url).toBe(true);
    // The serializer's branches the fixture reaches, in Next's words (its uploader quirk included).
    const sitemap = zfbBody('/sitemap.xml').toString('utf8');
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="en-GB" href="https://notes.example.com/uk" />\n');
    expect(sitemap).toContain('<lastmod>2024-01-02T03:04:05.000Z</lastmod>\n');
    expect(sitemap).toContain('<video:uploaderundefined>Field Notes</video:uploader>');
    expect(sitemap).toContain('<loc>https://notes.example.com/notes/rivers</loc>\n<lastmod>2024-03-01</lastmod>');
    expect(sitemap).toContain('<loc>https://notes.example.com/guides/setup</loc>\n</url>\n<url>\n<loc>https://notes.example.com/guides/usage</loc>');
    expect(zfbBody('/robots.txt').toString('utf8')).toContain('User-Agent: AdsBot-Google\nDisallow: /\nCrawl-delay: 10\nClean-param: ref /notes/\nClean-param: utm\n\nHost:');
  });

  it('keeps the file forms byte for byte and with their mode in public/', () => {
    for (const [from, to] of [['app/favicon.ico', 'public/favicon.ico'], ['app/blog/opengraph-image.png', 'public/blog/opengraph-image.png']] as const) {
      expect(readFileSync(path.join(out, to)).equals(readFileSync(path.join(source, from)))).toBe(true);
      expect(statSync(path.join(out, to)).mode).toBe(statSync(path.join(source, from)).mode);
    }
  });

  it('keeps the MDX pages of app/ beside the zfb pages made of them, for the sitemap that reads them', () => {
    for (const page of ['app/guides/setup/page.mdx', 'app/guides/usage/page.mdx']) {
      expect(readFileSync(path.join(out, page)).equals(readFileSync(path.join(source, page)))).toBe(true);
    }
    expect(report.routes.find((r) => r.pattern === '/guides/setup')?.target).toEqual(['pages/guides/setup.tsx']);
  });

  it('runs the default export in Node through the next-data plugin and serializes it with one local module', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'next-data/manifest.json'), 'utf8')) as { entries: { id: string; kind: string; module: string }[] };
    expect(manifest.entries.filter((e) => e.kind === 'metadata').map((e) => [e.id, e.module])).toEqual([
      ['manifest.webmanifest', 'next-data/manifest.ts'],
      ['robots.txt', 'next-data/robots.ts'],
      ['sitemap.xml', 'next-data/sitemap.ts'],
    ]);
    const serializer = readFileSync(path.join(out, 'next-shims/metadata-route.ts'), 'utf8');
    expect(serializer).toContain('next/dist/build/webpack/loaders/metadata/resolve-route-data.js');
    expect(serializer).not.toMatch(/from ['"]next/);
    expect(readFileSync(path.join(out, 'pages/robots.txt.tsx'), 'utf8')).toContain("import { resolveRobots } from '../next-shims/metadata-route';");
  });

  it('says which <head> tags Next.js added for the files, and they are indeed missing from the zfb pages', () => {
    const heads = Object.fromEntries(report.routes.flatMap((r) => r.lossy.filter((l) => l.kind === 'head').map((l) => [r.pattern, l.detail])));
    expect(Object.keys(heads).sort()).toEqual(['/blog/opengraph-image.png', '/favicon.ico', '/icon.png', '/manifest.webmanifest']);
    expect(heads['/blog/opengraph-image.png']).toContain('every page at or below /blog');
    expect(heads['/favicon.ico']).toContain('every page of the site');
    const nextBlog = readFileSync(path.join(source, '.next/server/app/blog.html'), 'utf8');
    const zfbBlog = readFileSync(path.join(out, 'dist/blog/index.html'), 'utf8');
    for (const tag of [/<link rel="icon" href="\/favicon\.ico\?/, /<link rel="icon" href="\/icon\.png\?/, /<link rel="manifest" href="\/manifest\.webmanifest"/, /<meta property="og:image" content="[^"]*\/blog\/opengraph-image\.png\?/]) {
      expect(nextBlog).toMatch(tag);
      expect(zfbBlog).not.toMatch(tag);
    }
  });

  it('keeps the pages, and every URL either as a zfb page or as a file zfb copied from public/', async () => {
    // zfb's routes.json lists pages only; the copied metadata files are plain files in dist/.
    const pair = await compareBuilds(source, out);
    const copied = pair.nextUrls.filter((url) => !pair.zfbUrls.includes(url));
    expect(copied).toEqual(['/blog/opengraph-image.png', '/docs/sitemap.xml', '/favicon.ico', '/icon.png']);
    for (const url of copied) expect(statSync(path.join(out, 'dist', url)).isFile()).toBe(true);
    expect(pair.zfbUrls.filter((url) => !pair.nextUrls.includes(url))).toEqual([]);
    expect(pair.pages.map((p) => p.url).sort()).toEqual(pair.nextPages);
    for (const page of pair.pages) expect({ url: page.url, ...page.zfb }).toEqual({ url: page.url, ...page.next });
  });

  it('migrate --verify counts the copied files as built, so nothing is lost and the run exits 0', async () => {
    const verified = `${source}-verified`;
    const run = await runCli(['migrate', path.relative(process.cwd(), source), '--out', path.relative(process.cwd(), verified), '--force', '--verify', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const checked = JSON.parse(run.stdout) as MigrationReport;
    expect(checked.verify?.zfbBuild).toEqual({ ok: true });
    expect(checked.urls.afterFrom).toBe('zfb-build');
    expect(checked.urls.after).toEqual(checked.urls.before);
    expect(checked.urls.before).toEqual(expect.arrayContaining(URLS));
    expect(checked.urls.lost).toEqual([]);
  }, 600_000);
});
