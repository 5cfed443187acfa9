import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, zfbBuild } from '../helpers/engines.js';

// The root layout of leerob/site and of create-next-app: next/font/google and @vercel/analytics. A real
// `next build` of next/font/google downloads the font, so these projects are migrated without one.
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(REPO_ROOT, '.work', 'migrate-fonts', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const rel = (dir: string) => path.relative(process.cwd(), dir);

it('gives next/font loaders a stand-in the real zfb build renders with, and lists each font as not migrated', async () => {
  const dir = project('fonts', {
    'package.json': '{"private":true,"dependencies":{"next":"16.4.6","react":"^19.3.1","react-dom":"^19.3.1"}}\n',
    'app/layout.tsx': [
      "import { Inter, Roboto_Mono } from 'next/font/google';",
      "import localFont from 'next/font/local';",
      "const inter = Inter({ subsets: ['latin'] });",
      "const mono = Roboto_Mono({ subsets: ['latin'], variable: '--mono' });",
      "const brand = localFont({ src: './brand.woff2' });",
      'export default function Root({ children }: { children: React.ReactNode }) {',
      '  return <html lang="en" className={`${inter.className} ${mono.variable}`}><body style={brand.style}>{children}</body></html>;',
      '}',
      '',
    ].join('\n'),
    'app/page.tsx': 'export default function Home() { return <p>home</p>; }\n',
  });
  const out = `${dir}-zfb`;
  const run = await runCli(['migrate', rel(dir), '--out', rel(out), '--force', '--json']);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as MigrationReport;
  expect(report.notMigrated.filter((n) => n.file === 'app/layout.tsx').map((n) => n.reason.split(':')[0])).toEqual(['next/font/google', 'next/font/google', 'next/font/local']);
  expect(readFileSync(path.join(out, 'next-shims/font/google.ts'), 'utf8')).toContain("export const Roboto_Mono = fontLoader(\"'Roboto Mono'\");");
  const zfb = await zfbBuild(out);
  expect(zfb.code, zfb.stderr).toBe(0);
  expect(readFileSync(path.join(out, 'dist/index.html'), 'utf8')).toContain('<html lang="en" class=" "><head>');
}, 120_000);

it('keeps a @vercel package the code imports, and drops one it does not', async () => {
  const dir = project('vercel', {
    'package.json': '{"private":true,"dependencies":{"next":"16.4.6","@vercel/analytics":"^1.5.0","@vercel/speed-insights":"^1.2.0"}}\n',
    'app/layout.tsx': "import { Analytics } from '@vercel/analytics/react';\nexport default function Root({ children }) { return <html lang=\"en\"><body>{children}<Analytics /></body></html>; }\n",
    'app/page.tsx': 'export default function Home() { return <p>home</p>; }\n',
  });
  // @vercel/analytics is not installed here, so the route model cannot load the layout (exit 1); the output
  // is written all the same.
  const run = await runCli(['migrate', rel(dir), '--force', '--json']);
  expect((JSON.parse(run.stdout) as MigrationReport).urls.lost).toEqual([]);
  const pkg = JSON.parse(readFileSync(path.join(`${dir}-zfb`, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies['@vercel/analytics']).toBe('^1.5.0');
  expect(pkg.dependencies['@vercel/speed-insights']).toBeUndefined();
  expect(pkg.dependencies.next).toBeUndefined();
});
