import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHADOWED_404 } from '../../src/migrate/run.js';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

// Which page becomes zfb's 404.html. With app/, next build copies the app router's /_not-found over
// pages/404.html (test/migrate/mixed-i18n.test.ts shows it on a real build), so pages/404 is never shown.
const WORK = path.join(REPO_ROOT, '.work', 'migrate-not-found');

async function migrateProject(name: string, files: Record<string, string>): Promise<{ report: MigrationReport; out: string }> {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const run = await runCli(['migrate', path.relative(process.cwd(), dir), '--force', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return { report: JSON.parse(run.stdout) as MigrationReport, out: `${dir}-zfb` };
}

const BOTH = {
  'package.json': '{"private":true,"dependencies":{"next":"16.4.6"}}\n',
  'pages/about.tsx': 'export default function About() { return <p>about</p>; }\n',
  'pages/404.tsx': 'export default function Missing() { return <p>pages 404</p>; }\n',
  'app/layout.tsx': 'export default function Root({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  'app/docs/page.tsx': 'export default function Docs() { return <p>docs</p>; }\n',
};
const pagesReason = { file: 'pages/404.tsx', reason: SHADOWED_404, keptAs: 'pages/_404.tsx' };

describe('migrate: the 404 page of a project with pages/ and app/', () => {
  it("is Next's built-in not-found page inside the root layout when app/ has no not-found.tsx", async () => {
    const { report, out } = await migrateProject('builtin', BOTH);
    expect(report.notMigrated).toContainEqual(pagesReason);
    expect(report.routes.find((r) => r.pattern === '/_not-found')).toMatchObject({ source: ['app/layout.tsx'], target: ['pages/404.tsx'] });
    const page = readFileSync(path.join(out, 'pages/404.tsx'), 'utf8');
    expect(page).toContain('<h2 style={{ fontSize: 14, fontWeight: 400, lineHeight: \'49px\', margin: 0 }}>This page could not be found.</h2>');
    expect(page).toContain("import NextLayout0 from '../app/layout';");
    expect(readFileSync(path.join(out, 'pages/_404.tsx'), 'utf8')).toBe(BOTH['pages/404.tsx']);
    expect(report.routes.find((r) => r.pattern === '/404')).toMatchObject({ api: 'static', target: [], transform: 'none', errors: [SHADOWED_404] });
  });

  it('is app/not-found.tsx when there is one', async () => {
    const { report, out } = await migrateProject('app-not-found', { ...BOTH, 'app/not-found.tsx': 'export default function NotFound() { return <p>app not found</p>; }\n' });
    expect(report.notMigrated).toContainEqual(pagesReason);
    expect(report.routes.find((r) => r.pattern === '/_not-found')).toMatchObject({ source: ['app/not-found.tsx', 'app/layout.tsx'], target: ['pages/404.tsx'] });
    expect(readFileSync(path.join(out, 'pages/404.tsx'), 'utf8')).toContain('<p>app not found</p>');
  });

  it('is pages/404 when there is no app/', async () => {
    const files = Object.fromEntries(Object.entries(BOTH).filter(([file]) => !file.startsWith('app/')));
    const { report, out } = await migrateProject('pages-only', files);
    expect(report.notMigrated.map((n) => n.file)).not.toContain('pages/404.tsx');
    expect(report.routes.find((r) => r.pattern === '/404')).toMatchObject({ target: ['pages/404.tsx'], transform: 'pages-to-zfb' });
    expect(readFileSync(path.join(out, 'pages/404.tsx'), 'utf8')).toContain('<p>pages 404</p>');
  });
});
