import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic, RouteModel } from '../../src/model/types.js';
import { runDiff } from '../../src/report/run-diff.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * Bad input for `zfb-next routes`: projects Next.js refuses, params no file system can write, text that
 * would rewrite a terminal, a reader that closes the pipe, and linked folders. Which next build behaviour
 * each case reproduces is said at the case; test/conformance/next-refusals.test.ts checks them against real
 * builds.
 */

const PAGE = 'export default function Page() { return null; }\n';
const NEXT_CONFIG = 'module.exports = {};\n';

/** A project in a fresh temporary folder: `files` by relative path, `links` as link → target. */
function project(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-routes-bad-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    symlinkSync(target, path.join(dir, link));
  }
  return dir;
}

/** A pages-router page whose getStaticPaths returns `ids` (JavaScript source of the array). */
function staticPathsPage(ids: string): string {
  return (
    PAGE +
    `export function getStaticPaths() { return { paths: ${ids}.map((id) => ({ params: { id } })), fallback: false }; }\n` +
    'export function getStaticProps() { return { props: {} }; }\n'
  );
}

async function model(dir: string): Promise<{ code: number; model: RouteModel; stdout: string; stderr: string }> {
  const run = await runCli(['routes', dir, '--json']);
  return { code: run.code, model: run.stdout ? (JSON.parse(run.stdout) as RouteModel) : ({ routes: [], diagnostics: [] } as unknown as RouteModel), stdout: run.stdout, stderr: run.stderr };
}

const urlsOf = (m: RouteModel, pattern: string): string[] => m.routes.find((r) => r.pattern === pattern)?.entries.map((e) => e.url) ?? [];
const codes = (m: RouteModel): string[] => m.diagnostics.map((d) => d.code);

describe('projects next build refuses: exit 2 with Next’s own text', () => {
  test.each([
    [
      'i18n.locales with a number',
      "module.exports = { i18n: { locales: ['en', 5], defaultLocale: 'en' } };",
      'Specified i18n.locales contains invalid values (5), locales must be valid locale tags provided as strings e.g. "en-US".\nSee here for list of valid language sub-tags: http://www.iana.org/assignments/language-subtag-registry/language-subtag-registry',
    ],
    [
      'defaultLocale not in locales',
      "module.exports = { i18n: { locales: ['en', 'fr'], defaultLocale: 'de' } };",
      'Specified i18n.defaultLocale should be included in i18n.locales.\nSee more info here: https://nextjs.org/docs/messages/invalid-i18n-config',
    ],
    [
      'pageExtensions with a number',
      "module.exports = { pageExtensions: ['jsx', 5] };",
      'Specified pageExtensions is not an array of strings, found "5" of type "number". Please update this config or remove it.',
    ],
    [
      'i18n.locales with ".."',
      "module.exports = { i18n: { locales: ['en', '..'], defaultLocale: 'en' } };",
      'Requested and resolved page mismatch: /.. / (i18n.locales in next.config.js holds "..", which cannot be a path segment of its own)',
    ],
    [
      'i18n.locales with ""',
      "module.exports = { i18n: { locales: ['en', ''], defaultLocale: 'en' } };",
      'Requested and resolved page mismatch: //404 /404 (i18n.locales in next.config.js holds "", which cannot be a path segment of its own)',
    ],
  ])('%s', async (_name, config, text) => {
    const dir = project({ 'next.config.js': config, 'pages/index.jsx': PAGE });
    const run = await runCli(['routes', dir]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `zfb-next routes: next build rejects next.config.js: ${text}\n` });
  });

  test('a regular file named pages', async () => {
    const dir = project({ 'next.config.js': NEXT_CONFIG, pages: 'not a folder\n', 'app/layout.jsx': PAGE, 'app/page.jsx': PAGE });
    const run = await runCli(['routes', dir]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `zfb-next routes: next build rejects ${dir}: ENOTDIR: not a directory, scandir '${path.join(dir, 'pages')}'\n` });
  });

  test('pages/ at the root with src/app/', async () => {
    const dir = project({ 'next.config.js': NEXT_CONFIG, 'pages/about.jsx': PAGE, 'src/app/layout.jsx': PAGE, 'src/app/page.jsx': PAGE });
    const run = await runCli(['routes', dir]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `zfb-next routes: next build rejects ${dir}: > \`pages\` and \`app\` directories should be under the same folder\n` });
  });

  test('the locales reach getStaticPaths with the default locale first, as Next orders them', async () => {
    const dir = project({
      'next.config.js': "module.exports = { i18n: { locales: ['fr', 'en'], defaultLocale: 'en' } };",
      'pages/[id].jsx': PAGE + 'export function getStaticPaths({ locales }) { return { paths: [{ params: { id: locales.join("-") } }], fallback: false }; }\nexport function getStaticProps() { return { props: {} }; }\n',
    });
    expect(urlsOf((await model(dir)).model, '/[id]')).toEqual(['/en/en-fr']);
  });
});

describe('params no file system can write', () => {
  test('pages: NUL and a 300-byte value are errors, LF and CR warnings, each naming file, function, key and value', async () => {
    const long = 'a'.repeat(300);
    const dir = project({ 'next.config.js': NEXT_CONFIG, 'pages/p/[id].jsx': staticPathsPage(`['ok', 'x\\0y', 'x\\ny', 'x\\ry', '${long}']`) });
    const { code, model: m } = await model(dir);
    expect(code).toBe(1);
    expect(urlsOf(m, '/p/[id]')).toEqual(['/p/ok', '/p/x\0y', '/p/x\ny', '/p/x\ry', `/p/${long}`]);
    const unwritable = m.diagnostics.filter((d) => d.code === 'GSP_PARAM_UNWRITABLE');
    expect(unwritable.map((d) => [d.severity, d.file, d.function])).toEqual(Array(4).fill(['error', 'pages/p/[id].jsx', 'getStaticPaths']).map((x, i) => (i === 1 || i === 2 ? ['warning', x[1], x[2]] : x)));
    expect(unwritable.map((d) => d.message)).toEqual([
      'getStaticPaths in pages/p/[id].jsx returned id = "x\\u0000y" (URL /p/x\0y): it holds a NUL character, which no file system accepts in a file name, so a static build cannot write this URL',
      'getStaticPaths in pages/p/[id].jsx returned id = "x\\ny" (URL /p/x\ny): it holds a line feed, which Windows file systems refuse in a file name, so a static build cannot write this URL',
      'getStaticPaths in pages/p/[id].jsx returned id = "x\\ry" (URL /p/x\ry): it holds a carriage return, which Windows file systems refuse in a file name, so a static build cannot write this URL',
      `getStaticPaths in pages/p/[id].jsx returned id = "${long}" (URL /p/${long}): it is 300 bytes long, and file systems limit a file name to 255 bytes, so a static build cannot write this URL`,
    ]);
  });

  test('app router and zfb: the same checks, naming generateStaticParams and paths()', async () => {
    const app = project({
      'next.config.js': NEXT_CONFIG,
      'app/layout.jsx': PAGE,
      'app/p/[id]/page.jsx': PAGE + "export const dynamicParams = false;\nexport function generateStaticParams() { return [{ id: 'ok' }, { id: 'x\\0y' }]; }\n",
    });
    const appModel = (await model(app)).model;
    expect(appModel.diagnostics.filter((d) => d.code === 'APP_PARAM_UNWRITABLE')).toEqual([
      {
        severity: 'error',
        code: 'APP_PARAM_UNWRITABLE',
        file: 'app/p/[id]/page.jsx',
        function: 'generateStaticParams',
        message: 'The param id = "x\\u0000y" of /p/[id] (URL /p/x\0y): it holds a NUL character, which no file system accepts in a file name, so a static build cannot write this URL.',
      },
    ]);
    const zfb = project({
      'zfb.config.json': '{}',
      'pages/p/[id].tsx': PAGE + "export function paths() { return [{ params: { id: 'ok' } }, { params: { id: 'x\\ny' } }]; }\n",
    });
    const zfbModel = (await model(zfb)).model;
    expect(zfbModel.diagnostics.filter((d) => d.code === 'ZFB_PARAM_UNWRITABLE')).toEqual([
      {
        severity: 'warning',
        code: 'ZFB_PARAM_UNWRITABLE',
        file: 'pages/p/[id].tsx',
        function: 'paths',
        message: 'paths() entry 1 has id = "x\\ny" (URL "/p/x\\ny"): it holds a line feed, which Windows file systems refuse in a file name, so a static build cannot write this URL',
      },
    ]);
  });

  test('a lone surrogate names the key and value, and the valid URLs beside it stay', async () => {
    const pages = project({ 'next.config.js': NEXT_CONFIG, 'pages/p/[id].jsx': staticPathsPage("['a', 'x\\ud800y', 'b']") });
    const { code, model: m } = await model(pages);
    expect(code).toBe(1);
    expect(urlsOf(m, '/p/[id]')).toEqual(['/p/a', '/p/b']);
    expect(m.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'GSP_PARAM_UNENCODABLE',
        file: 'pages/p/[id].jsx',
        function: 'getStaticPaths',
        message:
          'getStaticPaths in pages/p/[id].jsx returned id = "x\\ud800y": "x\\ud800y" holds a lone surrogate, which no URL can encode; next build fails with "URIError: URI malformed". The other paths are listed.',
      },
    ]);
    const app = project({
      'next.config.js': NEXT_CONFIG,
      'app/layout.jsx': PAGE,
      'app/p/[id]/page.jsx': PAGE + "export function generateStaticParams() { return [{ id: 'a' }, { id: '\\udc00' }]; }\n",
    });
    const appModel = (await model(app)).model;
    expect(urlsOf(appModel, '/p/[id]')).toEqual(['/p/a']);
    expect(appModel.diagnostics.find((d) => d.code === 'APP_PARAM_UNENCODABLE')).toMatchObject({
      severity: 'error',
      file: 'app/p/[id]/page.jsx',
      function: 'generateStaticParams',
      message: expect.stringContaining('The param id = "\\udc00" of /p/[id] holds a lone surrogate ("\\udc00")'),
    });
  });
});

describe('what the table shows', () => {
  test('control characters in params, files and messages are escaped, never printed raw', async () => {
    const dir = project({ 'next.config.js': NEXT_CONFIG, 'pages/p/[id].jsx': staticPathsPage("['\\u001b[32mfake ok\\u001b[0m', 'x\\ry', 'plain']") });
    const run = await runCli(['routes', dir]);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(run.stdout).toContain('"/p/\\u001b[32mfake ok\\u001b[0m" "/p/x\\ry" /p/plain');
    expect(run.stdout).toContain('returned id = "x\\ry" (URL /p/x\\ry)');
  });

  test('a config error with control characters reaches stderr escaped', async () => {
    const dir = project({ 'next.config.js': "throw new Error('\\u001b[32mall fine\\u001b[0m');\n", 'pages/index.jsx': PAGE });
    const run = await runCli(['routes', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(run.stderr).toContain('\\u001b[32mall fine\\u001b[0m');
  });

  test('URLs with spaces are quoted, every route has its kind, and "other URLs" says what happens in words', async () => {
    const dir = project({
      'next.config.js': NEXT_CONFIG,
      'pages/p/[id].jsx': staticPathsPage("['a b', 'c']"),
      'pages/api/hello.js': 'export default function handler() {}\n',
      'pages/ssr.jsx': PAGE + 'export function getServerSideProps() { return { props: {} }; }\n',
    });
    const { stdout } = await runCli(['routes', dir]);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^pattern\s+kind\s+origin\s+other URLs\s+urls\s+examples$/);
    expect(lines.find((l) => l.startsWith('/p/[id]'))).toMatch(/^\/p\/\[id\]\s+page\s+next-pages\s+404\s+2\s+"\/p\/a b" \/p\/c$/);
    expect(lines.find((l) => l.startsWith('/api/hello'))).toMatch(/^\/api\/hello\s+api\s+next-pages\s+rendered on request\s+1\s+\/api\/hello$/);
    expect(lines.find((l) => l.startsWith('/ssr'))).toMatch(/^\/ssr\s+page\s+next-pages\s+rendered on request\s+1\s+\/ssr$/);
    // The JSON contract keeps its own words.
    expect((await model(dir)).model.routes.map((r) => r.unmatched)).toEqual(['blocking', 'not-found', 'blocking']);
  });

  test('a conflict about [a]/[a] is filed under that file', async () => {
    const dir = project({ 'next.config.js': NEXT_CONFIG, 'pages/[a]/[a].jsx': PAGE, 'pages/[...b].jsx': PAGE, 'pages/index.jsx': PAGE });
    const conflict = (await model(dir)).model.diagnostics.find((d) => d.code === 'PAGES_ROUTE_CONFLICT');
    expect(conflict).toEqual({
      severity: 'error',
      code: 'PAGES_ROUTE_CONFLICT',
      file: 'pages/[a]/[a].jsx',
      message: 'You cannot have the same slug name "a" repeat within a single dynamic path (pages router files: pages/[a]/[a].jsx)',
    });
  });

  test('routes and diff count the same URLs: a static page that fails to load keeps its URL (with its error), pages rendered on request their own', async () => {
    const dir = project({
      'next.config.js': NEXT_CONFIG,
      'pages/index.jsx': PAGE,
      'pages/broken.jsx': 'export default function Page( { return null; }\n',
      'pages/no-component.jsx': 'export const x = 1;\n',
      'pages/gone.jsx': PAGE + 'export function getStaticProps() { return { notFound: true }; }\n',
      'pages/ssr.jsx': PAGE + 'export function getServerSideProps() { return { props: {} }; }\n',
      'pages/api/hello.js': 'export default function handler() {}\n',
      'pages/p/[id].jsx': staticPathsPage("['1', '2']"),
    });
    const table = await runCli(['routes', dir]);
    const summary = /^(\d+) routes, (\d+) URLs,/m.exec(table.stdout)!;
    expect([summary[1], summary[2]]).toEqual(['7', '6']);
    expect(table.code).toBe(1);
    const diff = await runDiff({ base: dir, head: dir, format: 'json', cwd: REPO_ROOT, env: {} });
    expect(diff.report!.base.urls).toBe(6);
    expect(diff.report!.unchanged.map((u) => u.url)).toEqual(['/', '/api/hello', '/broken', '/p/1', '/p/2', '/ssr']);
  });
});

describe('linked folders and files in pages/ and app/, as next build follows them', () => {
  test('pages: a linked folder is walked, a linked page file is an error (Turbopack fails on it), a broken link is skipped', async () => {
    const dir = project(
      { 'next.config.js': NEXT_CONFIG, 'pages/index.jsx': PAGE, 'shared/one.jsx': PAGE, 'shared/deep/two.jsx': PAGE, 'real/target.jsx': PAGE },
      { 'pages/linked-dir': '../shared', 'pages/linked-file.jsx': '../real/target.jsx', 'pages/broken.jsx': '../nowhere.jsx', 'shared/deep/loop': '..' },
    );
    const { model: m } = await model(dir);
    expect(m.routes.map((r) => [r.pattern, r.entries.map((e) => e.url)])).toEqual([
      ['/', ['/']],
      ['/linked-dir/deep/two', ['/linked-dir/deep/two']],
      ['/linked-dir/one', ['/linked-dir/one']],
      ['/linked-file', []],
    ]);
    expect(m.diagnostics.map((d: Diagnostic) => [d.severity, d.code, d.file])).toEqual([
      ['warning', 'PAGES_LINK_CYCLE', 'pages/linked-dir/deep/loop'],
      ['error', 'PAGES_LINKED_FILE', 'pages/linked-file.jsx'],
    ]);
  });

  test('app: a linked folder and a linked page file are both routes', async () => {
    const dir = project(
      { 'next.config.js': NEXT_CONFIG, 'app/layout.jsx': PAGE, 'app-shared/page.jsx': PAGE, 'app-shared/inner/page.jsx': PAGE, 'real/page.jsx': PAGE, 'app/filelink/.keep': '' },
      { 'app/applinked': '../app-shared', 'app/filelink/page.jsx': '../../real/page.jsx' },
    );
    const { model: m } = await model(dir);
    expect(m.routes.map((r) => [r.pattern, r.entries.map((e) => e.url)])).toEqual([
      ['/applinked', ['/applinked']],
      ['/applinked/inner', ['/applinked/inner']],
      ['/filelink', ['/filelink']],
    ]);
    expect(codes(m)).toEqual([]);
  });
});

describe('a reader that closes the pipe early', () => {
  /** Runs the installed command, reads its first chunk of stdout, then closes the pipe. */
  function firstChunk(args: string[]): Promise<{ code: number | null; stderr: string; chunk: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/zfb-next.js'), ...args], { cwd: REPO_ROOT });
      let stderr = '';
      let chunk = '';
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      child.stdout.once('data', (data: Buffer) => {
        chunk = data.toString();
        child.stdout.destroy();
      });
      child.on('close', (code) => resolve({ code, stderr, chunk }));
    });
  }

  test('routes and diff stop writing quietly, with their own exit code (| head -1)', async () => {
    const dir = project({ 'next.config.js': NEXT_CONFIG, 'pages/p/[id].jsx': staticPathsPage('Array.from({ length: 20000 }, (_, i) => `post-${i}`)') });
    const routes = await firstChunk(['routes', dir, '--json']);
    expect(routes).toMatchObject({ code: 0, stderr: '' });
    expect(routes.chunk.startsWith('{\n  "version": 1,')).toBe(true);
    const json = path.join(dir, 'routes.json');
    writeFileSync(json, (await runCli(['routes', dir, '--json'])).stdout);
    const diff = await firstChunk(['diff', json, json, '--format', 'json']);
    expect(diff).toMatchObject({ code: 0, stderr: 'zfb-next diff: 0 added, 0 removed, 20000 unchanged, 0 changed routes: ok\n' });
  });
});
