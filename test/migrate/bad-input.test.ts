import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the bench.
import { generateNextRepo } from '../../bench/lib/next-repo.mjs';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { snapshotTree } from './helpers.js';

// Input that cannot be migrated whole: each gets a message naming the file, and nothing half-written.
const WORK = path.join(REPO_ROOT, '.work', 'migrate-bad');
const rel = (dir: string) => path.relative(process.cwd(), dir);

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** The folders beside `dir` a run left behind (a staging folder, an old output). */
function leftovers(dir: string): string[] {
  const base = path.basename(dir);
  return readdirSync(path.dirname(dir)).filter((name) => name.startsWith(`${base}.zfb-next`));
}

const NEXT_PAGES = {
  'package.json': '{"private":true,"dependencies":{"next":"16.4.6"}}\n',
  'next.config.js': 'module.exports = {};\n',
  'pages/index.tsx': 'export default function Home() { return <p>home</p>; }\n',
};

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
});

describe('migrate refuses what it cannot do, before writing anything', () => {
  it('a folder that is no Next.js project', async () => {
    const dir = project('plain', { 'README.md': '# notes\n' });
    const run = await runCli(['migrate', rel(dir)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`zfb-next migrate: ${rel(dir)}: not a Next.js project (no next.config.*, no app/ folder and no next dependency in package.json)\n`);
    expect(existsSync(`${dir}-zfb`)).toBe(false);
  });

  it('a folder that does not exist', async () => {
    const run = await runCli(['migrate', rel(path.join(WORK, 'missing'))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing: no such directory');
  });

  it('a source that is already a zfb project', async () => {
    const dir = project('already-zfb', { ...NEXT_PAGES, 'zfb.config.ts': 'export default {};\n' });
    const run = await runCli(['migrate', rel(dir)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already a zfb project (it has a zfb.config or an @takazudo/zfb dependency)');
  });

  it('an output folder that exists and is not empty, unless --force', async () => {
    const dir = project('exists', NEXT_PAGES);
    const out = path.join(WORK, 'exists-out');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'keep.txt'), 'mine\n');
    const run = await runCli(['migrate', rel(dir), '--out', rel(out)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the output ${out} exists and is not empty; pass --force to replace it`);
    expect(readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('mine\n');
    const forced = await runCli(['migrate', rel(dir), '--out', rel(out), '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(path.join(out, 'keep.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'pages/index.tsx'))).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it('an output folder inside the source, or the source itself', async () => {
    const dir = project('inside', NEXT_PAGES);
    const before = snapshotTree(dir);
    const inside = await runCli(['migrate', rel(dir), '--out', rel(path.join(dir, 'zfb'))]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain(`is inside the source ${dir}; choose a folder outside it (the source is never modified)`);
    const itself = await runCli(['migrate', rel(dir), '--out', rel(dir)]);
    expect(itself.code).toBe(2);
    expect(itself.stderr).toContain('is the source itself');
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('migrate goes on past what it cannot migrate, and says so', () => {
  let dir: string;
  let report: MigrationReport;
  let code: number;

  beforeAll(async () => {
    dir = project('partly-broken', {
      ...NEXT_PAGES,
      'pages/broken.tsx': 'export default function Broken() { return <p>unclosed; }\n',
      'lib/notes.ts': 'export const x = ;\n',
      'pages/posts/[id].tsx': [
        "export function getStaticPaths() { throw new Error('the CMS is down'); }",
        'export function getStaticProps({ params }) { return { props: params }; }',
        'export default function Post({ id }) { return <p>{id}</p>; }',
        '',
      ].join('\n'),
      'pages/ok/[id].tsx': [
        "export function getStaticPaths() { return { paths: [{ params: { id: 'a' } }], fallback: false }; }",
        'export function getStaticProps({ params }) { return { props: params }; }',
        'export default function Ok({ id }) { return <p>{id}</p>; }',
        '',
      ].join('\n'),
    });
    const run = await runCli(['migrate', rel(dir), '--json', '--force']);
    code = run.code;
    report = JSON.parse(run.stdout) as MigrationReport;
  });

  it('copies a file that does not parse unchanged and lists it; the rest is migrated', () => {
    expect(report.unparsable.map((u) => u.file).sort()).toEqual(['lib/notes.ts', 'pages/broken.tsx']);
    expect(readFileSync(path.join(`${dir}-zfb`, 'lib/notes.ts'), 'utf8')).toBe('export const x = ;\n');
    expect(readFileSync(path.join(`${dir}-zfb`, 'pages/_broken.tsx'), 'utf8')).toBe(readFileSync(path.join(dir, 'pages/broken.tsx'), 'utf8'));
    expect(report.notMigrated.find((n) => n.file === 'pages/broken.tsx')?.reason).toMatch(/^the file does not parse \(.+\); it is copied unchanged$/);
    expect(report.routes.find((r) => r.pattern === '/ok/[id]')?.target).toEqual(['pages/ok/[id].tsx']);
  });

  it('lists a data function that throws with its route, migrates the page, and exits 1', () => {
    const posts = report.routes.find((r) => r.pattern === '/posts/[id]')!;
    expect(posts.target).toEqual(['pages/posts/[id].tsx']);
    expect(posts.errors.join('\n')).toContain('the CMS is down');
    expect(code).toBe(1);
  });
});

describe('migrate under Ctrl-C', () => {
  it('leaves no output and no temporary folder when interrupted while writing', async () => {
    const dir = generateNextRepo(path.join(WORK, 'large'), 400) as string;
    const out = `${dir}-zfb`;
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/zfb-next.js'), 'migrate', dir, '--out', out], { stdio: 'ignore' });
    const staging = `${out}.zfb-next-${child.pid}`;
    // Interrupted as soon as the output starts to be written: the moment a partial output could exist.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (existsSync(staging)) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 2);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('the run ended before it started writing'));
      });
    });
    const status = await new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (c, s) => resolve({ code: c, signal: s })));
    expect(status.signal ?? status.code).toBe('SIGINT');
    expect(existsSync(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('migrate --in-place', () => {
  const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const committed = (name: string): string => {
    const dir = project(name, NEXT_PAGES);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'next');
    return dir;
  };

  it('refuses a source with uncommitted changes, or one git does not track, unless --force', async () => {
    const dirty = committed('in-place-dirty');
    writeFileSync(path.join(dirty, 'pages/index.tsx'), 'export default function Home() { return <p>changed</p>; }\n');
    const before = snapshotTree(dirty);
    const refused = await runCli(['migrate', rel(dirty), '--in-place']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--in-place replaces ${dirty}, whose git tree has uncommitted changes; commit or stash them first`);
    expect(snapshotTree(dirty)).toEqual(before);

    const loose = project('in-place-no-git', NEXT_PAGES);
    const noGit = await runCli(['migrate', rel(loose), '--in-place']);
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain('whose files no git repository tracks');
    const forced = await runCli(['migrate', rel(loose), '--in-place', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(path.join(loose, 'zfb.config.ts'))).toBe(true);

    const both = await runCli(['migrate', rel(loose), '--in-place', '--out', rel(path.join(WORK, 'elsewhere'))]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--in-place and --out exclude each other');
  });

  it('turns a clean git tree into the zfb project, keeping its history', async () => {
    const dir = committed('in-place-clean');
    const run = await runCli(['migrate', rel(dir), '--in-place', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as MigrationReport).output).toBe(rel(dir));
    expect(existsSync(path.join(dir, 'zfb.config.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'next.config.js'))).toBe(false);
    expect(git(dir, 'log', '--format=%s')).toBe('next\n');
    // git sees the migration as changes of the work tree: the Next.js project is one checkout away.
    expect(git(dir, 'status', '--porcelain')).toContain(' D next.config.js');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('migrate and the React zfb renders with', () => {
  it('raises a React zfb cannot run with (npm would refuse to install it) and says so', async () => {
    const dir = project('old-react', {
      ...NEXT_PAGES,
      'package.json': '{"private":true,"dependencies":{"next":"15.5.0","react":"19.1.0","react-dom":"19.1.0"}}\n',
    });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(`${dir}-zfb`, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toMatchObject({ react: '^19.2.3', 'react-dom': '^19.2.3' });
    expect(pkg.dependencies.next).toBeUndefined();
    const notes = (JSON.parse(run.stdout) as MigrationReport).notMigrated.filter((n) => n.file === 'package.json').map((n) => n.reason);
    expect(notes).toContain('react 19.1.0 → ^19.2.3: zfb 0.1.0-next.89 renders with React ^19.2.3, and npm refuses to install it beside an older React');
  });
});

describe('migrate and next.config', () => {
  it('writes the redirects of next.config into public/_redirects, with no blanket note', async () => {
    const dir = project('redirects', {
      ...NEXT_PAGES,
      'next.config.js': "module.exports = { async redirects() { return [{ source: '/old', destination: '/', permanent: true }]; } };\n",
    });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.redirects).toEqual([{ source: '/old', destination: '/', status: 308, lines: ['/old / 308'] }]);
    expect(report.notMigrated.filter((n) => n.file.endsWith('#redirects'))).toEqual([]);
    expect(readFileSync(path.join(`${dir}-zfb`, 'public/_redirects'), 'utf8')).toBe('# From next.config.js redirects(), written by zfb-next migrate.\n/old / 308\n');
  });

  it('says why no redirect was written when redirects() throws', async () => {
    const dir = project('redirects-throw', {
      ...NEXT_PAGES,
      'next.config.js': "module.exports = { async redirects() { throw new Error('CMS unreachable'); } };\n",
    });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.redirects).toEqual([]);
    expect(report.notMigrated).toContainEqual({
      file: 'next.config.js#redirects',
      reason: 'redirects() threw: CMS unreachable, so no redirect was written into public/_redirects: move them into your host config',
    });
    expect(existsSync(path.join(`${dir}-zfb`, 'public/_redirects'))).toBe(false);
  });
});

describe('migrate counts every URL it cannot keep', () => {
  it('lists a static page it cannot migrate (an MDX page that does not compile) as a lost URL, and exits 1', async () => {
    const dir = project('mdx-page', {
      'package.json': '{"private":true,"dependencies":{"next":"16.4.6"}}\n',
      'next.config.js': "module.exports = { pageExtensions: ['tsx', 'mdx'] };\n",
      'app/layout.tsx': 'export default function Root({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
      'app/page.tsx': 'export default function Home() { return <p>home</p>; }\n',
      'app/notes/page.mdx': '# Notes\n\nWritten in <Unclosed MDX.\n',
    });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.urls.before).toEqual(['/', '/notes']);
    expect(report.urls.lost.map((l) => l.url)).toEqual(['/notes']);
    expect(report.notMigrated.find((n) => n.file === 'app/notes/page.mdx')?.reason).toMatch(/^the MDX does not compile: /);
  });
});

describe('migrate under i18n', () => {
  it('gives getStaticProps of a page without a [locale] segment the default locale under i18n, as Next does', async () => {
    const dir = project('i18n-404', {
      'package.json': '{"private":true,"dependencies":{"next":"16.4.6"}}\n',
      'next.config.js': "module.exports = { i18n: { locales: ['en', 'de'], defaultLocale: 'en' } };\n",
      'pages/index.tsx': 'export default function Home() { return <p>home</p>; }\n',
      'pages/404.tsx': [
        'export default function NotFound({ locale }) { return <p>{locale}</p>; }',
        'export function getStaticProps({ locale }) { return { props: { locale } }; }',
        '',
      ].join('\n'),
    });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(`${dir}-zfb`, 'next-data/manifest.json'), 'utf8')) as { entries: { id: string; context?: unknown }[] };
    expect(manifest.entries.find((e) => e.id === '404')?.context).toEqual({ revalidateReason: 'build', locale: 'en', locales: ['en', 'de'], defaultLocale: 'en' });
  });
});

describe('migrate and metadata routes', () => {
  const APP = {
    'package.json': '{"private":true,"dependencies":{"next":"16.4.6"}}\n',
    'app/layout.tsx': 'export default function Root({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
    'app/page.tsx': 'export default function Home() { return <p>home</p>; }\n',
  };

  it('turns app/sitemap.ts into an endpoint page whose data the next-data plugin computes', async () => {
    const dir = project('sitemap', { ...APP, 'app/sitemap.ts': "export default function sitemap() { return [{ url: 'https://example.com/' }]; }\n" });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.urls.lost).toEqual([]);
    const out = `${dir}-zfb`;
    expect(readFileSync(path.join(out, 'pages/sitemap.xml.tsx'), 'utf8')).toContain('return resolveSitemap(data);');
    const manifest = JSON.parse(readFileSync(path.join(out, 'next-data/manifest.json'), 'utf8')) as { entries: { id: string; kind: string; module: string }[] };
    expect(manifest.entries.find((e) => e.id === 'sitemap.xml')).toMatchObject({ kind: 'metadata', module: 'next-data/sitemap.ts', url: '/sitemap.xml' });
    expect(existsSync(path.join(out, 'app/sitemap.ts'))).toBe(false);
  });

  it('lists generateSitemaps and image-rendering metadata routes as not migrated, with their URLs lost', async () => {
    const dir = project('metadata-images', {
      ...APP,
      'app/products/sitemap.ts': [
        'export async function generateSitemaps() { return [{ id: 0 }, { id: 1 }]; }',
        "export default async function sitemap({ id }) { return [{ url: `https://example.com/products/${await id}` }]; }",
        '',
      ].join('\n'),
      'app/opengraph-image.tsx': [
        "import { ImageResponse } from 'next/og';",
        "export default function Image() { return new ImageResponse(<div>Hello</div>, { width: 120, height: 60 }); }",
        '',
      ].join('\n'),
    });
    const run = await runCli(['migrate', rel(dir), '--force', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.urls.lost).toEqual([
      { url: '/opengraph-image', reason: expect.stringMatching(/^opengraph-image\.tsx renders an image at build time \(ImageResponse\); zfb-next does not render images/) },
      { url: '/products/sitemap/0.xml', reason: expect.stringMatching(/^sitemap\.ts exports generateSitemaps/) },
      { url: '/products/sitemap/1.xml', reason: expect.stringMatching(/^sitemap\.ts exports generateSitemaps/) },
    ]);
    expect(report.notMigrated.map((n) => [n.file, n.keptAs])).toEqual(expect.arrayContaining([
      ['app/products/sitemap.ts', 'app/_products/sitemap.ts'],
      ['app/opengraph-image.tsx', 'app/_opengraph-image.tsx'],
    ]));
  });
});
