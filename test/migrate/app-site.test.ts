import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { diffBuilds, expectSameSite, launchChromium, migrateFixture, serveDist, snapshotTree, viewOf } from './helpers.js';

// An app-router site (fixtures/migrate-app-site): a layout cascade with generateStaticParams on a layout and
// its page, a route group with its own layout, private folders (_components, _lib), metadata with a title
// template and generateMetadata, not-found.tsx, a route.ts feed, async pages and layouts that read files with
// fs and gray-matter, and a "use client" counter. Built by the real next build, migrated, built by real zfb.
let source: string;
let out: string;
let report: MigrationReport;
let before: Map<string, string>;
let zfbStderr: string;
let server: { url: string; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  ({ source, out, report, before, zfbStderr } = await migrateFixture('migrate-app-site'));
});

afterAll(async () => {
  await server?.close();
});

describe('migrate: an app-router site', () => {
  it('leaves the source as it was', () => {
    expect(snapshotTree(source)).toEqual(before);
  });

  it('keeps every URL, the feed included', () => {
    expect(zfbStderr).not.toContain('⚠');
    expect(report.urls.lost).toEqual([]);
    expect(report.urls.after).toEqual([
      '/',
      '/about',
      '/blog',
      '/blog/launch',
      '/blog/roadmap',
      '/docs/guides/configure',
      '/docs/guides/install',
      '/docs/reference/cli',
      '/feed.xml',
    ]);
  });

  it('shows the same text, title and language on every page as the Next.js build', async () => {
    const pair = await expectSameSite(source, out, report);
    const doc = pair.pages.find((p) => p.url === '/docs/guides/install')!;
    // generateMetadata's title inside the root layout's template; the section nav the layout read with fs.
    expect(doc.zfb.title).toBe('Install Acme | Acme Docs');
    expect(doc.zfb.text).toContain('Guides Configure Acme Install Acme');
    expect(pair.pages.find((p) => p.url === '/about')!.zfb.title).toBe('About | Acme Docs');
  });

  it('answers the feed with the body the route handler gave Next.js', () => {
    expect(readFileSync(path.join(out, 'dist/feed.xml'), 'utf8')).toBe(readFileSync(path.join(source, '.next/server/app/feed.xml.body'), 'utf8'));
    const feed = report.routes.find((r) => r.pattern === '/feed.xml')!;
    expect(feed).toMatchObject({ api: 'route-handler', target: ['pages/feed.xml.tsx'], transform: 'endpoint' });
  });

  it('renders not-found.tsx as 404.html inside the root layout, as Next.js renders /_not-found', () => {
    const next = viewOf(readFileSync(path.join(source, '.next/server/app/_not-found.html'), 'utf8'));
    const zfb = viewOf(readFileSync(path.join(out, 'dist/404.html'), 'utf8'));
    expect(zfb).toEqual(next);
  });

  it('resolves the route group and keeps private folders as modules', () => {
    const about = report.routes.find((r) => r.pattern === '/about')!;
    expect(about.source).toEqual(['app/(marketing)/about/page.tsx', 'app/layout.tsx', 'app/(marketing)/layout.tsx']);
    expect(about.target).toEqual(['pages/about.tsx']);
    expect(readFileSync(path.join(out, 'dist/about/index.html'), 'utf8')).toContain('<div class="marketing">');
    expect(readFileSync(path.join(out, 'app/_lib/content.ts'), 'utf8')).toBe(readFileSync(path.join(source, 'app/_lib/content.ts'), 'utf8'));
  });

  it('keeps the data code in Node: the modules the pages reach get stand-ins only in the pages bundle', () => {
    expect(report.nodeOnlyImports.map((i) => i.specifier)).toEqual(['fs', 'gray-matter', 'path']);
    const layout = readFileSync(path.join(out, 'app/docs/[section]/layout.tsx'), 'utf8');
    expect(layout).not.toContain('async');
    expect(layout).toContain('useNextData("app/docs/[section]/layout.tsx")');
    expect(readFileSync(path.join(out, 'next-data/app/docs/[section]/layout.tsx'), 'utf8')).toContain('export async function layoutData');
  });

  it('hydrates the "use client" counter in the browser', async () => {
    server = await serveDist(path.join(out, 'dist'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/`);
      const counter = page.locator('button.counter');
      await expect.poll(() => counter.textContent()).toBe('Stars: 3');
      // Clicking counts only once the island has hydrated.
      await expect.poll(async () => {
        await counter.click();
        return counter.textContent();
      }).not.toBe('Stars: 3');
      const clicked = Number((await counter.textContent())!.split(': ')[1]);
      await counter.click();
      await expect.poll(() => counter.textContent()).toBe(`Stars: ${clicked + 1}`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('zfb-next diff between the two builds reports no removed URL and no changed text', async () => {
    const diff = await diffBuilds(source, out);
    expect(diff.counts).toMatchObject({ removed: 0, textChanged: 0, textCompared: 8 });
    expect(diff.exitCode).toBe(0);
  });
});
