import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { runCli } from '../helpers/cli.js';
import { nextBuild, readJson, REPO_ROOT } from '../helpers/engines.js';

/**
 * What `next build` 16.4.6 refuses, and how it follows linked folders, against real builds: for each
 * project the build's own error text is the one `zfb-next routes` reports (test/cli/routes-bad-input.test.ts
 * checks the model's side alone, quickly), and for projects that build, the URLs are the model's.
 */

const PAGE = 'export default function Page() { return <p>page</p>; }\n';
const LAYOUT = 'export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n';

/** A project under .work/ (Turbopack compiles only below the folder of the nearest lockfile). */
function project(name: string, files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = path.join(REPO_ROOT, '.work', 'conformance-refusals', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries({ 'package.json': '{"private":true}\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    symlinkSync(target, path.join(dir, link));
  }
  return dir;
}

/** A real build takes up to a few minutes on a busy two-core machine. */
const BUILD_TIMEOUT = 300_000;

/** The text after "Build error occurred" (`Error: ...`), without Next's frames. */
function buildError(output: string): string {
  const after = output.slice(output.indexOf('> Build error occurred'));
  const lines = after.split('\n').slice(1);
  const end = lines.findIndex((line) => /^\s+at |^\s*$|^\s+errno:|^\s+type:/.test(line));
  return lines.slice(0, end === -1 ? undefined : end).join('\n').replace(/^Error: /, '');
}

describe('configs and trees next build refuses: the same text from zfb-next routes', () => {
  const config = (locales: string, extra = '') => `module.exports = { i18n: { locales: ${locales}, defaultLocale: 'en' }${extra} };\n`;
  const cases: Array<[string, Record<string, string>]> = [
    ['locales-number', { 'next.config.js': config("['en', 5]"), 'pages/index.jsx': PAGE }],
    ['locales-dotdot', { 'next.config.js': config("['en', '..']"), 'pages/index.jsx': PAGE }],
    ['locales-empty', { 'next.config.js': config("['en', '']"), 'pages/index.jsx': PAGE }],
    ['default-locale', { 'next.config.js': "module.exports = { i18n: { locales: ['en', 'fr'], defaultLocale: 'de' } };\n", 'pages/index.jsx': PAGE }],
    ['page-extensions', { 'next.config.js': "module.exports = { pageExtensions: ['jsx', 5] };\n", 'pages/index.jsx': PAGE }],
    ['pages-file', { 'next.config.js': 'module.exports = {};\n', pages: 'not a folder\n', 'app/layout.jsx': LAYOUT, 'app/page.jsx': PAGE }],
    ['pages-and-src-app', { 'next.config.js': 'module.exports = {};\n', 'pages/about.jsx': PAGE, 'src/app/layout.jsx': LAYOUT, 'src/app/page.jsx': PAGE }],
  ];

  test.each(cases)('%s', async (name, files) => {
    const dir = project(name, files);
    const ours = await runCli(['routes', dir]);
    const build = await nextBuild(dir);
    expect(build.code).toBe(1);
    const text = buildError(build.stdout + build.stderr);
    expect(text.length).toBeGreaterThan(10);
    expect(ours.code).toBe(2);
    // zfb-next names the file (or folder) and may add why, in parentheses, after Next's own text.
    expect(ours.stderr).toMatch(/^zfb-next routes: next build rejects [^:]+: /);
    expect(ours.stderr.replace(/^zfb-next routes: next build rejects [^:]+: /, '').replace(/ \([^()]*\)\n$|\n$/, '')).toBe(text);
  }, BUILD_TIMEOUT);
});

describe('params next build cannot write, and a lone surrogate', () => {
  const page = (id: string) =>
    'export default function Page({ id }) { return <p>{id.length}</p>; }\n' +
    `export function getStaticPaths() { return { paths: [{ params: { id: 'ok' } }, { params: { id: ${id} } }], fallback: false }; }\n` +
    'export function getStaticProps({ params }) { return { props: { id: params.id } }; }\n';
  const cases: Array<[string, string, string, RegExp]> = [
    ['nul', "'x\\0y'", 'GSP_PARAM_UNWRITABLE', /The argument 'path' must be a string, Uint8Array, or URL without null bytes/],
    ['long', "'a'.repeat(300)", 'GSP_PARAM_UNWRITABLE', /ENAMETOOLONG: name too long/],
    ['surrogate', "'x\\ud800y'", 'GSP_PARAM_UNENCODABLE', /URIError: URI malformed/],
  ];

  test.each(cases)('%s: next build fails, the model has an error for it', async (name, id, code, failure) => {
    const dir = project(`param-${name}`, { 'next.config.js': 'module.exports = {};\n', 'pages/p/[id].jsx': page(id) });
    const model = await buildRouteModel(dir);
    expect(model.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file, d.function])).toEqual([[code, 'pages/p/[id].jsx', 'getStaticPaths']]);
    expect(model.routes[0]!.entries.map((e) => e.url)).toContain('/p/ok');
    const build = await nextBuild(dir);
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toMatch(failure);
  }, BUILD_TIMEOUT);
});

describe('linked folders and files, as next build follows them', () => {
  test('a linked folder in pages/, a linked folder and a linked page file in app/: the URLs Next writes', async () => {
    const dir = project(
      'links',
      {
        'next.config.js': 'module.exports = {};\n',
        'pages/index.jsx': PAGE,
        'shared/one.jsx': PAGE,
        'shared/deep/two.jsx': PAGE,
        'app/layout.jsx': LAYOUT,
        'app-shared/page.jsx': PAGE,
        'app-shared/inner/page.jsx': PAGE,
        'real/page.jsx': PAGE,
        'app/filelink/.keep': '',
      },
      { 'pages/linked-dir': '../shared', 'app/applinked': '../app-shared', 'app/filelink/page.jsx': '../../real/page.jsx' },
    );
    const model: RouteModel = await buildRouteModel(dir);
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const build = await nextBuild(dir);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const pages = readJson<Record<string, string>>(path.join(dir, '.next/server/pages-manifest.json'));
    const app = readJson<Record<string, string>>(path.join(dir, '.next/app-path-routes-manifest.json'));
    const built = [...Object.keys(pages), ...Object.values(app)].filter((p) => !/^\/(_app|_document|_error|404|500|_not-found|_global-error)$/.test(p));
    expect(model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort()).toEqual(built.sort());
    expect(built.sort()).toEqual(['/', '/applinked', '/applinked/inner', '/filelink', '/linked-dir/deep/two', '/linked-dir/one']);
  }, BUILD_TIMEOUT);

  test('a linked page file in pages/: next build fails on it, and the model says so', async () => {
    const dir = project('linked-page-file', { 'next.config.js': 'module.exports = {};\n', 'pages/real.jsx': PAGE }, { 'pages/alias.jsx': 'real.jsx' });
    const model = await buildRouteModel(dir);
    expect(model.diagnostics.map((d) => [d.code, d.file])).toEqual([['PAGES_LINKED_FILE', 'pages/alias.jsx']]);
    const build = await nextBuild(dir);
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toMatch(/Could not parse module '\[project\]\/.*pages\/alias\.jsx'/);
    expect(buildError(build.stdout + build.stderr)).toBe('Failed to collect page data for /alias');
  }, BUILD_TIMEOUT);
});
