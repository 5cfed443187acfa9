import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { expectSameSite, migrateFixture } from './helpers.js';

// fixtures/migrate-mdx: an app-router site whose home and /notes pages are page.mdx files through @next/mdx
// (remark-gfm by name, an mdx-components.tsx that restyles h1 and links and provides <Callout>, a component the
// MDX imports, metadata exported from the MDX), beside a page.tsx, and a pages-router pages/guide.mdx with
// next/head. Built by the real next build, migrated, built by the real zfb build.
let source: string;
let out: string;
let report: MigrationReport;
let zfbStderr: string;

beforeAll(async () => {
  ({ source, out, report, zfbStderr } = await migrateFixture('migrate-mdx'));
}, 300_000);

describe('migrate: MDX pages', () => {
  it('migrates the three MDX pages into zfb pages, and loses no URL', () => {
    expect(zfbStderr).not.toContain('⚠');
    expect(report.urls.lost).toEqual([]);
    expect(report.urls.after).toEqual(['/', '/about', '/guide', '/notes']);
    const home = report.routes.find((r) => r.pattern === '/')!;
    expect(home).toMatchObject({ source: ['app/page.mdx', 'app/layout.tsx'], target: ['pages/index.tsx'], transform: 'app-to-zfb', lossy: [] });
    expect(report.routes.find((r) => r.pattern === '/notes')!.target).toEqual(['pages/notes.tsx']);
    expect(report.routes.find((r) => r.pattern === '/guide')).toMatchObject({ source: ['pages/guide.mdx'], target: ['pages/guide.tsx'], transform: 'pages-to-zfb' });
    expect(report.unparsable).toEqual([]);
  });

  it('shows the same text, title and language on every page as the Next.js build', async () => {
    const pair = await expectSameSite(source, out, report);
    expect(pair.pages.find((p) => p.url === '/notes')!.zfb.title).toBe('Notes | Field Notes');
  });

  it('renders the MDX with the project’s remark plugin and mdx-components, inside the root layout', () => {
    const home = readFileSync(path.join(out, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    // remark-gfm: the table and the task list.
    expect(home).toContain('<table><thead><tr><th>tool</th><th>use</th></tr></thead>');
    expect(home).toContain('<input type="checkbox" disabled="" checked=""/>');
    // mdx-components.tsx: h1 and links restyled.
    expect(home).toContain('<h1 class="title">Field Notes</h1>');
    expect(home).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">an outside link</a>');
    const notes = readFileSync(path.join(out, 'dist/notes/index.html'), 'utf8');
    expect(notes).toContain('<aside class="callout">Note: <!-- -->These notes are <del>drafts</del> finished.</aside>');
    expect(notes).toContain('<small class="badge">');
    expect(notes).toContain('<footer>Written in MDX</footer>');
    const guide = readFileSync(path.join(out, 'dist/guide/index.html'), 'utf8');
    expect(guide).toContain('<title>Guide</title>');
    expect(guide).toContain('<aside class="callout">Note: <!-- -->Read the <del>old</del> new notes first.</aside>');
  });

  it('gives mdx-components.tsx the default export zfb imports, keeping the rest of the file', () => {
    const original = readFileSync(path.join(source, 'mdx-components.tsx'), 'utf8');
    const migrated = readFileSync(path.join(out, 'mdx-components.tsx'), 'utf8');
    expect(migrated.startsWith(original)).toBe(true);
    expect(migrated.slice(original.length)).toContain('export default (() => {\n  try {\n    return useMDXComponents();');
  });
});
