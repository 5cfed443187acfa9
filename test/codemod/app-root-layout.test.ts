import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary, runCodemod } from '../../src/codemod/run.js';
import { copyFixture, FIXTURES, nextBuild } from '../helpers/engines.js';

/**
 * pages-to-app on a project with no app/ folder: the real next build 16.4.6 refuses app pages without a root
 * layout, so the run writes one, from what pages/_document and pages/_app gave every page. And the hooks of a
 * page component that becomes an async server component: the real build fails exactly as the marker says.
 */

const AREA = 'codemod/app-root-layout';
const FIXTURE = 'codemod-pages-no-layout';

const buildLog = (run: { stdout: string; stderr: string }): string => run.stdout + run.stderr;

describe('pages-to-app writes the root layout the app router requires', () => {
  it('next build accepts the migrated project, with the lang of _document and the stylesheet of _app', async () => {
    const dir = copyFixture(FIXTURE, `${AREA}/migrated`);
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, force: true });
    expect(summary.counts).toMatchObject({ changed: 2, failed: 0 });
    expect(summary.created).toEqual([{ file: 'app/layout.tsx', markers: [] }]);
    // _app and _document hold nothing the layout does not carry, and no page is left beside them.
    const reason = 'carried whole into app/layout.tsx, and no page is left in pages/ (next build fails on a pages/ folder that holds nothing but _app or _document)';
    expect(summary.removed).toEqual([
      { file: 'pages/_app.tsx', reason },
      { file: 'pages/_document.tsx', reason },
    ]);
    expect(formatSummary(summary)).toContain(`  created app/layout.tsx\n  removed pages/_app.tsx: ${reason}\n`);
    expect(existsSync(path.join(dir, 'pages/_app.tsx'))).toBe(false);
    const layout = readFileSync(path.join(dir, 'app/layout.tsx'), 'utf8');
    expect(layout).toContain("import '../styles/globals.css';");
    expect(layout).toContain('<html lang="fr">');

    const build = await nextBuild(dir);
    expect(buildLog(build)).not.toMatch(/Build error occurred|Failed to collect page data/);
    expect(build.code).toBe(0);
    const page = readFileSync(path.join(dir, '.next/server/app/blog/bonjour.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(page).toContain('<h1>bonjour</h1>');
    // The global stylesheet of _app is linked from every page.
    const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(page)?.[1];
    expect(stylesheet).toBeDefined();
    const css = readFileSync(path.join(dir, '.next', stylesheet!.replace(/^\/_next\//, '')), 'utf8');
    expect(css).toMatch(/h1\{color:(?:#010203|rgb\(1,2,3\))\}/);
    expect(readFileSync(path.join(dir, '.next/server/app/about.html'), 'utf8')).toContain('<h1>À propos</h1>');

    // A second run finds the layout and writes no other.
    const again = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, force: true });
    expect(again.created).toBeUndefined();
  });

  it('what the layout and the removals prevent, and what the hook marker says, are what next build does', { timeout: 300_000 }, async () => {
    const bare = copyFixture(FIXTURE, `${AREA}/no-layout`);
    await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: bare, force: true });
    rmSync(path.join(bare, 'app/layout.tsx'));

    // _app and _document kept beside the layout, with no page left in pages/.
    const kept = copyFixture(FIXTURE, `${AREA}/kept`);
    await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: kept, force: true });
    for (const special of ['pages/_app.tsx', 'pages/_document.tsx']) cpSync(path.join(FIXTURES, FIXTURE, special), path.join(kept, special));

    const hooks = copyFixture(FIXTURE, `${AREA}/hooks`);
    const page = path.join(hooks, 'pages/blog/[slug].tsx');
    writeFileSync(
      page,
      readFileSync(page, 'utf8')
        .replace('export default function Post', "import React from 'react';\n\nexport default function Post")
        .replace('  return <h1>{slug}</h1>;', '  const title = React.useMemo(() => slug.toUpperCase(), [slug]);\n  return <h1>{title}</h1>;'),
    );
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: hooks, force: true });
    const marker = summary.files.flatMap((f) => f.markers).find((m) => m.reason.includes('React.useMemo'));
    expect(marker?.reason).toContain(`(next build: "Cannot read properties of null (reading 'useMemo')")`);
    expect(existsSync(path.join(hooks, 'app/layout.tsx'))).toBe(true);

    const [withoutLayout, withSpecials, withHook] = await Promise.all([nextBuild(bare), nextBuild(kept), nextBuild(hooks)]);
    expect(withoutLayout.code).not.toBe(0);
    expect(buildLog(withoutLayout)).toContain("blog/[slug]/page.tsx doesn't have a root layout. To fix this error, make sure every page has a root layout.");
    expect(withSpecials.code).not.toBe(0);
    expect(buildLog(withSpecials)).toContain('Cannot find module for page: /_document');
    expect(withHook.code).not.toBe(0);
    expect(buildLog(withHook)).toContain("TypeError: Cannot read properties of null (reading 'useMemo')");
  });
});
