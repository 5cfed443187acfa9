import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { diffBuilds, expectSameSite, migrateFixture, snapshotTree, viewOf } from './helpers.js';

// A realistic pages-router blog (fixtures/migrate-pages-blog): markdown read with fs and gray-matter in
// getStaticProps, _app with global CSS and a layout, _document with lang and body attributes, CSS modules,
// next/head, next/link, next/router, every fallback value, a custom 404 and an API route. Built by the real
// next build, migrated, then built by the real zfb build.
let source: string;
let out: string;
let report: MigrationReport;
let before: Map<string, string>;
let zfbStderr: string;

beforeAll(async () => {
  // The API route's URL is lost (zfb serves static files only): exit code 1, as for any lost URL.
  ({ source, out, report, before, zfbStderr } = await migrateFixture('migrate-pages-blog', 1));
});

describe('migrate: a pages-router blog', () => {
  it('leaves every source file as it was (bytes, mtime, mode)', () => {
    expect(snapshotTree(source)).toEqual(before);
  });

  it('builds with zfb without a skipped route', () => {
    expect(zfbStderr).not.toContain('⚠');
  });

  it('keeps every page URL, and reports the API route as lost', () => {
    expect(report.urls.lost).toEqual([{ url: '/api/subscribe', reason: 'API routes run on a server for each request; zfb builds static pages only' }]);
    expect(report.urls.before).toEqual([...report.urls.after, '/api/subscribe'].sort());
    expect(report.urls.after).toEqual([
      '/',
      '/about',
      '/drafts/roadmap',
      '/drafts/upcoming',
      '/posts/hello-world',
      '/posts/markdown-tips',
      '/posts/static-sites',
      '/tags/intro',
      '/tags/news',
      '/tags/web',
      '/tags/writing',
    ]);
  });

  it('shows the same text, title and language on every page as the Next.js build', async () => {
    const pair = await expectSameSite(source, out, report);
    expect(pair.pages.map((p) => p.url)).toContain('/posts/hello-world');
    const post = pair.pages.find((p) => p.url === '/posts/hello-world')!;
    expect(post.zfb.title).toBe('Hello, world | The Static Blog');
    expect(post.zfb.lang).toBe('en-GB');
    // The markdown was read with fs and gray-matter at build time, in Node.
    expect(post.zfb.text).toContain('This blog is built with Next.js and markdown files.');
  });

  it('renders the custom 404 page inside _app and _document, as Next.js does', () => {
    const next = viewOf(readFileSync(path.join(source, '.next/server/pages/404.html'), 'utf8'));
    const zfb = viewOf(readFileSync(path.join(out, 'dist/404.html'), 'utf8'));
    expect(zfb).toEqual(next);
  });

  it('styles the same elements: the global CSS and the CSS modules are in the zfb stylesheet', () => {
    const html = readFileSync(path.join(out, 'dist/posts/hello-world/index.html'), 'utf8');
    expect(html).toContain('<body class="site">');
    const stylesheet = /href="(\/assets\/styles-[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const css = readFileSync(path.join(out, 'dist', stylesheet!), 'utf8');
    expect(css).toContain('--accent: #0b7285');
    const headerClass = /<header class="([^"]+)"/.exec(html)?.[1];
    expect(headerClass).toMatch(/_header$/);
    expect(css).toContain(`.${headerClass}{`);
  });

  it('reports the routes zfb cannot serve and what changes for visitors', () => {
    expect(report.notMigrated).toContainEqual({
      file: 'pages/api/subscribe.ts',
      reason: 'API routes run on a server for each request; zfb builds static pages only',
      keptAs: 'pages/_api/subscribe.ts',
    });
    expect(existsSync(path.join(out, 'pages/_api/subscribe.ts'))).toBe(true);
    const lossy = Object.fromEntries(report.routes.map((r) => [r.pattern, r.lossy.map((l) => l.kind)]));
    expect(lossy['/tags/[tag]']).toEqual(['fallback']);
    expect(lossy['/drafts/[slug]']).toEqual(['fallback']);
    expect(lossy['/posts/[slug]']).toEqual([]);
    const posts = report.routes.find((r) => r.pattern === '/posts/[slug]')!;
    expect(posts).toMatchObject({
      api: 'getStaticPaths+getStaticProps',
      target: ['pages/posts/[slug].tsx'],
      data: 'next-data/posts/[slug].tsx',
      transform: 'pages-to-zfb',
      urls: { before: 3, after: 3 },
    });
  });

  it('writes a project that depends on zfb, not on next', () => {
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg.dependencies!.next).toBeUndefined();
    expect(pkg.dependencies!['@takazudo/zfb']).toBe('0.1.0-next.89');
    expect(pkg.dependencies!['gray-matter']).toBe('^4.0.3');
    expect(pkg.devDependencies!.esbuild).toBeDefined();
    expect(pkg.scripts).toMatchObject({ dev: 'zfb dev', build: 'zfb build', preview: 'zfb preview' });
    const md = readFileSync(path.join(out, 'MIGRATION-REPORT.md'), 'utf8');
    expect(md).toContain('| routes migrated | 6 of 7 |');
  });

  it('zfb-next diff between the two builds removes only the lost URL and changes no text', async () => {
    const diff = await diffBuilds(source, out);
    expect(diff.removed.map((r) => r.url)).toEqual(report.urls.lost.map((l) => l.url));
    expect(diff.counts).toMatchObject({ textChanged: 0, textCompared: 11 });
  });
});
