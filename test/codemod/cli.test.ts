import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transform } from '../../codemods/_shared/types.js';
import { main } from '../../src/cli/main.js';
import { CodemodUsageError } from '../../src/codemod/errors.js';
import { processFile, transformFiles } from '../../src/codemod/process-file.js';
import { runCodemod } from '../../src/codemod/run.js';

const POST = `export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <h1>{slug}</h1>;
}
`;

const FALLBACK_TRUE = `export async function getStaticPaths() {
  return { paths: [], fallback: true };
}

export async function getStaticProps() {
  return { props: {} };
}

export default function Page() {
  return null;
}
`;

const PLAIN = `export default function About() {
  return <p>about</p>;
}
`;

const API = `// mentions getStaticProps but is an API route
export default function handler(req, res) {
  res.end('ok');
}
`;

let dir: string;

function write(file: string, text: string): void {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function read(file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
}

function allFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await main(['node', 'zfb-next', 'codemod', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
    out.mockRestore();
    err.mockRestore();
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zfb-next-codemod-'));
  write('package.json', '{"private":true}\n');
  write('pages/blog/[slug].jsx', POST);
  write('pages/about.jsx', PLAIN);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('codemod runner', () => {
  it('refuses a dirty git tree unless --force, and --dry never checks', async () => {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'init');
    write('pages/about.jsx', PLAIN + '// edited\n');

    await expect(runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir })).rejects.toThrow(CodemodUsageError);
    expect(existsSync(path.join(dir, 'pages/blog/[slug].jsx'))).toBe(true);
    const refused = await cli('pages-to-app', 'pages');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted changes.*--force/);

    const dry = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, dry: true });
    expect(dry.counts.changed).toBe(1);

    const forced = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, force: true });
    expect(forced.counts.changed).toBe(1);
    expect(existsSync(path.join(dir, 'app/blog/[slug]/page.jsx'))).toBe(true);
  });

  it('writes a tab-indented CRLF page with a byte order mark back in the same style, its markers on the right lines', async () => {
    const windows = '\uFEFF' + FALLBACK_TRUE.replace(/^ {2}/gm, '\t').replace(/\n/g, '\r\n');
    write('pages/docs/[id].jsx', windows);
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages/docs'], cwd: dir });
    expect(summary.counts).toMatchObject({ changed: 1, failed: 0 });
    const page = read('app/docs/[id]/page.jsx');
    expect(page.startsWith('\uFEFF')).toBe(true);
    expect(page.slice(1)).not.toMatch(/\uFEFF/);
    expect(page.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(page).toContain('\r\n\treturn [];\r\n');
    const lines = page.split('\r\n');
    for (const marker of summary.files[0]!.markers) expect(lines[marker.line - 1]).toContain('@zfb-next-todo');
  });

  it('counts a directory outside any git repository as clean', async () => {
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir });
    expect(summary.counts.changed).toBe(1);
  });

  it('--dry writes nothing and --print shows a unified diff', async () => {
    const before = allFiles(dir).map((f) => [f, read(f)]);
    const result = await cli('pages-to-app', 'pages', '--dry', '--print');
    expect(result.code).toBe(0);
    expect(allFiles(dir).map((f) => [f, read(f)])).toEqual(before);
    expect(result.stdout).toContain('--- pages/blog/[slug].jsx');
    expect(result.stdout).toContain('+++ app/blog/[slug]/page.jsx');
    expect(result.stdout).toContain('-export async function getStaticPaths() {');
    expect(result.stdout).toContain('+export async function generateStaticParams() {');
    expect(result.stdout).toMatch(/pages-to-app: 1 changed, 1 unchanged, 0 skipped, 0 failed, 0 marked \(dry run: nothing written\)/);
  });

  it('writes only changed files, through a rename, and moves pages files into app/', async () => {
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(dir, 'pages/about.jsx'), old, old);
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir });
    expect(summary.counts).toEqual({ changed: 1, unchanged: 1, skipped: 0, failed: 0, marked: 0 });
    expect(statSync(path.join(dir, 'pages/about.jsx')).mtime.getTime()).toBe(old.getTime());
    expect(existsSync(path.join(dir, 'pages/blog/[slug].jsx'))).toBe(false);
    expect(read('app/blog/[slug]/page.jsx')).toContain('export const dynamicParams = false;');
    // No temporary file is left behind by the atomic write; the app router's root layout is new.
    expect(allFiles(dir)).toEqual(['app/blog/[slug]/page.jsx', 'app/layout.jsx', 'package.json', 'pages/about.jsx']);
    expect(summary.files).toEqual([{ file: 'pages/blog/[slug].jsx', status: 'changed', movedTo: 'app/blog/[slug]/page.jsx', markers: [] }]);
  });

  it('is idempotent: a second run over the result changes nothing', async () => {
    await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir });
    const after = allFiles(dir).map((f) => [f, read(f)]);
    const second = await runCodemod({ name: 'pages-to-app', paths: ['.'], cwd: dir });
    expect(second.counts.changed).toBe(0);
    expect(allFiles(dir).map((f) => [f, read(f)])).toEqual(after);
    const back = await runCodemod({ name: 'app-to-pages', paths: ['app'], cwd: dir });
    expect(back.counts.changed).toBe(1);
    const again = await runCodemod({ name: 'app-to-pages', paths: ['.'], cwd: dir });
    expect(again.counts.changed).toBe(0);
  });

  it('counts changed, unchanged, skipped and marked files, and lists each marker as file:line: reason', async () => {
    write('pages/fb/[id].jsx', FALLBACK_TRUE);
    write('pages/api/hello.js', API);
    const result = await cli('pages-to-app', 'pages');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('pages-to-app: 2 changed, 1 unchanged, 1 skipped, 0 failed, 1 marked');
    expect(result.stdout).toMatch(/marker app\/fb\/\[id\]\/page\.jsx:1: fallback: true has no app-router equivalent/);
    expect(result.stdout).toContain('skipped pages/api/hello.js: /api/hello has no app-router page counterpart');
    const line = read('app/fb/[id]/page.jsx').split('\n')[0];
    expect(line).toMatch(/^\/\* @zfb-next-todo: fallback: true/);
  });

  it('--json prints a machine summary', async () => {
    const result = await cli('pages-to-app', 'pages', '--json', '--dry');
    const summary = JSON.parse(result.stdout);
    expect(summary.transform).toBe('pages-to-app');
    expect(summary.counts).toEqual({ changed: 1, unchanged: 1, skipped: 0, failed: 0, marked: 0 });
    expect(summary.files[0].movedTo).toBe('app/blog/[slug]/page.jsx');
  });

  it('leaves a file untouched and reports it when the output would not parse', async () => {
    const broken: Transform = () => ({ source: 'export const = ;', markers: [] });
    const file = path.join(dir, 'pages/blog/[slug].jsx');
    const outcome = processFile(broken, { file, root: dir, mode: 0o644 }, POST, { cwd: dir, dry: false, print: false });
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(/^output would not parse, file left untouched: /);
    expect(read('pages/blog/[slug].jsx')).toBe(POST);
  });

  it('transforms a group of files and reports each outcome in its file\'s place', () => {
    const order: string[] = [];
    const mixed: Transform = (input) => {
      order.push(input.path);
      if (input.path === 'b.jsx') return { source: 'export const = ;', markers: [] };
      if (input.path === 'c.jsx') return { source: null, markers: [] };
      if (input.path === 'd.jsx') throw new Error('d breaks');
      return { source: `${input.source}// changed\n`, markers: [] };
    };
    const files = ['a.jsx', 'b.jsx', 'c.jsx', 'd.jsx', 'e.jsx'].map((name) => ({ job: { file: path.join(dir, name), root: dir, mode: 0o644 }, source: PLAIN }));
    const results = transformFiles(mixed, files, { cwd: dir, dry: true, print: false });
    expect(order).toEqual(['a.jsx', 'b.jsx', 'c.jsx', 'd.jsx', 'e.jsx']);
    expect(results.map((r) => [r.outcome.file, r.outcome.status])).toEqual([
      ['a.jsx', 'changed'],
      ['b.jsx', 'failed'],
      ['c.jsx', 'unchanged'],
      ['d.jsx', 'failed'],
      ['e.jsx', 'changed'],
    ]);
    expect(results[1]!.outcome.reason).toMatch(/^output would not parse, file left untouched: /);
    expect(results[3]!.outcome.reason).toBe('transform failed: d breaks');
  });

  it('exits 1 when a file could not be transformed', async () => {
    write('app/a/page.jsx', PLAIN);
    write('pages/a.jsx', PLAIN);
    const result = await cli('app-to-pages', 'app');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed app/a/page.jsx: pages/a.jsx already exists, file left untouched');
    expect(read('app/a/page.jsx')).toBe(PLAIN);
  });

  it('names an unknown transform and a missing path as usage errors (exit 2)', async () => {
    const unknown = await cli('pages-to-astro', 'pages');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown transform "pages-to-astro"');
    for (const name of ['pages-to-app', 'app-to-pages', 'pages-to-zfb', 'app-to-zfb', 'zfb-to-pages', 'zfb-to-app']) {
      expect(unknown.stderr).toContain(name);
    }
    const missing = await cli('pages-to-app', 'no-such-dir');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('path not found: no-such-dir');
    const workers = await cli('pages-to-app', 'pages', '--workers', 'two');
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain("option '--workers <n>' argument 'two' is invalid. expected a whole number");
  });

  it('moves a static zfb page (no paths()) back to app/, and marks a static page’s zfb import for the pages router', async () => {
    const page = `import { getCollection } from '@takazudo/zfb/content';

export default function Home() {
  return <p>{getCollection('posts').length}</p>;
}
`;
    write('pages/index.tsx', page);
    write('pages/about.tsx', PLAIN);
    const toPages = await runCodemod({ name: 'zfb-to-pages', paths: ['pages/index.tsx', 'pages/about.tsx'], cwd: dir, force: true });
    expect(toPages.files.find((f) => f.file === 'pages/index.tsx')?.status).toBe('changed');
    expect(read('pages/index.tsx')).toContain("/* @zfb-next-todo: '@takazudo/zfb/content' works only inside a zfb build");
    write('pages/index.tsx', page);
    const toApp = await runCodemod({ name: 'zfb-to-app', paths: ['pages/index.tsx', 'pages/about.tsx'], cwd: dir, force: true });
    expect(toApp.counts.changed).toBe(2);
    expect(existsSync(path.join(dir, 'pages/index.tsx'))).toBe(false);
    expect(read('app/page.tsx')).toContain('export default function Home()');
    expect(read('app/about/page.tsx')).toBe(PLAIN);
  });

  it('--list prints every transform with a description', async () => {
    const result = await cli('--list');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(6);
    expect(result.stdout).toMatch(/^pages-to-app +pages\/\*\*\/\[x\]\.tsx/m);
  });
});
