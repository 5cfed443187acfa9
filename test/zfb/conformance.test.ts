import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceResult } from '../../src/sources/contract.js';
import {
  copyFixture,
  modelRecords,
  ourModel,
  printedProps,
  quotedSkipLine,
  scratchProject,
  skipLines,
  zfbBuild,
  zfbRecords,
  type ZfbBuild,
} from './harness.js';

// Ground truth: the real `zfb build` of @takazudo/zfb 0.1.0-next.89 on the same project copy our front-end reads.

const page = 'export default function Page() {\n  return <p>page</p>;\n}\n';
const withPaths = (body: string) => `export function paths() {\n  return ${body};\n}\n${page}`;

describe('fixtures/zfb-site: every URL, source and params equal routes.json', () => {
  let dir: string;
  let build: ZfbBuild;
  let model: SourceResult;
  beforeAll(async () => {
    dir = copyFixture('zfb-site');
    build = zfbBuild(dir);
    model = await ourModel(dir);
  });

  it('zfb builds it cleanly', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(skipLines(build.stderr)).toEqual([]);
  });

  it('same (url, source, params) multiset', () => {
    expect(build.routes).toBeDefined();
    const ours = modelRecords(model);
    expect(ours).toEqual(zfbRecords(build.routes!));
    expect(new Set(ours).size).toBe(ours.length);
    // The cases the fixture is there for, so an empty or partial fixture cannot pass.
    const urls = ours.map((r) => (JSON.parse(r) as { url: string }).url);
    for (const url of ['/', '/blog', '/blog/hello world', '/blog/日本語', '/docs/a/b/c', '/opt', '/opt/x/y', '/multi/ja/setup', '/sitemap.xml', '/(group)/g', '/notes', '/contact', '/404', '/sub/404']) {
      expect(urls).toContain(url);
    }
    for (const url of ['/_app', '/_partials/header', '/widget.client', '/feed']) expect(urls).not.toContain(url);
  });

  it('only the expected warnings, no errors', () => {
    expect(model.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([
      ['warning', 'ZFB_IGNORED_EXTENSION', 'pages/feed.ts'],
      ['warning', 'ZFB_CATCHALL_STRING', 'pages/docs/[...path].tsx'],
    ]);
  });

  it('the string catch-all: normalised in routes.json and ours, raw in the component (as our warning says)', () => {
    const docs = model.routes.find((r) => r.file === 'pages/docs/[...path].tsx')!;
    expect(docs.entries.find((e) => e.url === '/docs/guide/intro')!.params).toEqual({ path: ['guide', 'intro'] });
    expect(printedProps(dir, 'docs/guide/intro/index.html')).toEqual({ params: { path: 'guide/intro' } });
  });

  it('props: the component gets { params, ...props }; static pages get getStaticProps().props or {}', () => {
    const blog = model.routes.find((r) => r.file === 'pages/blog/[slug].tsx')!;
    expect(blog.entries).toHaveLength(5);
    for (const entry of blog.entries) {
      const output = `${entry.url.slice(1)}/index.html`;
      expect(printedProps(dir, output)).toEqual({ params: entry.params, ...(entry.props as object) });
    }
    const home = model.routes.find((r) => r.file === 'pages/index.tsx')!;
    expect(home.entries[0]!.props).toEqual({ greeting: 'home' });
    expect(printedProps(dir, 'index.html')).toEqual(home.entries[0]!.props);
    const about = model.routes.find((r) => r.file === 'pages/about.tsx')!;
    expect(about.entries[0]!.props).toBeUndefined();
    expect(printedProps(dir, 'about/index.html')).toEqual({});
  });

  it('route metadata: zfb origin, never a fallback, paths() providers on dynamic routes only', () => {
    for (const route of model.routes) {
      expect(route).toMatchObject({ origin: 'zfb', kind: 'page', unmatched: 'not-found' });
    }
    expect(model.routes.find((r) => r.file === 'pages/multi/[lang]/[slug].tsx')!.providers).toEqual([
      { file: 'pages/multi/[lang]/[slug].tsx', function: 'paths', keys: ['lang', 'slug'] },
    ]);
    expect(model.routes.find((r) => r.file === 'pages/about.tsx')!.providers).toEqual([]);
  });
});

describe('fixtures/zfb-skips: every route zfb silently drops is an error in ours', () => {
  let build: ZfbBuild;
  let model: SourceResult;
  beforeAll(async () => {
    const dir = copyFixture('zfb-skips');
    build = zfbBuild(dir);
    model = await ourModel(dir);
  });

  const skipped = [
    ['missing', '[slug].tsx', 'ZFB_PATHS_MISSING_PARAM'],
    ['extra', '[slug].tsx', 'ZFB_PATHS_EXTRA_PARAM'],
    ['non-string', '[slug].tsx', 'ZFB_PATHS_INVALID_PARAM'],
    ['empty', '[slug].tsx', 'ZFB_PATHS_INVALID_PARAM'],
    ['slash', '[slug].tsx', 'ZFB_PATHS_INVALID_PARAM'],
    ['empty-catchall', '[...p].tsx', 'ZFB_PATHS_INVALID_PARAM'],
    ['empty-element', '[...p].tsx', 'ZFB_PATHS_INVALID_PARAM'],
    ['optional-empty-string', '[[...p]].tsx', 'ZFB_PATHS_INVALID_PARAM'],
    ['duplicate', '[slug].tsx', 'ZFB_PATHS_DUPLICATE_URL'],
    ['non-array', '[slug].tsx', 'ZFB_PATHS_MALFORMED'],
    ['undefined-return', '[slug].tsx', 'ZFB_PATHS_MALFORMED'],
    ['no-params', '[slug].tsx', 'ZFB_PATHS_MALFORMED'],
    ['throws', '[slug].tsx', 'ZFB_PATHS_THREW'],
    ['array-export', '[slug].tsx', 'ZFB_PATHS_NOT_FUNCTION'],
    ['bigint-props', '[slug].tsx', 'ZFB_PATHS_NOT_JSON'],
  ] as const;

  it('zfb exits 0 and lists only the two good routes', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(zfbRecords(build.routes!)).toEqual(modelRecords(model));
    expect(build.routes!.map((r) => r.url).sort()).toEqual(['/', '/ok/fine']);
  });

  it('one ⚠ skipping line per dropped route, nothing else', () => {
    expect(skipLines(build.stderr)).toHaveLength(skipped.length);
  });

  it.each(skipped)('%s/%s', (folder, name, code) => {
    const file = `pages/${folder}/${name}`;
    expect(build.routes!.some((r) => r.source === file)).toBe(false);
    const route = model.routes.find((r) => r.file === file);
    expect(route, 'the route stays in our model').toBeDefined();
    expect(route!.entries).toEqual([]);
    const errors = model.diagnostics.filter((d) => d.file === file && d.severity === 'error');
    expect(errors.map((d) => d.code)).toContain(code);
    expect(errors.every((d) => d.function === 'paths')).toBe(true);
    // Our diagnostic quotes zfb's own line, byte for byte (zfb prints the absolute file path; we print it relative).
    const line = skipLines(build.stderr).find((l) => l.includes(`(${file})`));
    expect(line).toBeDefined();
    expect(quotedSkipLine(model, file)).toBe(line);
  });
});

describe('hard errors: zfb exits 1, ours is an error with the same text', () => {
  let project: ReturnType<typeof scratchProject>;
  beforeAll(() => {
    project = scratchProject('zfb-errors');
  });

  /** Builds a tree with zfb and with ours; returns zfb's `caused by:` (or error) text and our first error. */
  async function both(files: Record<string, string>): Promise<{ zfb: string; ours: string[] }> {
    project.writePages(files);
    const build = zfbBuild(project.dir);
    expect(build.status, build.stderr).toBe(1);
    const model = await ourModel(project.dir);
    const lines = build.stderr.trim().split('\n');
    const caused = lines.find((l) => l.trimStart().startsWith('caused by: '));
    const zfb = caused ? caused.trimStart().slice('caused by: '.length) : lines.find((l) => l.startsWith('✗ error: '))!.slice('✗ error: '.length);
    return { zfb, ours: model.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) };
  }

  it.each<[string, Record<string, string>]>([
    ['AmbiguousRoute', { 'blog.tsx': page, 'blog/index.tsx': page }],
    ['AmbiguousShape', { 'docs/[a].tsx': withPaths('[]'), 'docs/[b].tsx': withPaths('[]') }],
    ['AmbiguousShape catch-all', { 'docs/[...a].tsx': withPaths('[]'), 'docs/[...b].tsx': withPaths('[]') }],
    ['OptionalCatchallConflict bare URL', { 'docs/[[...slug]].tsx': withPaths('[]'), 'docs/index.tsx': page }],
    ['OptionalCatchallConflict dynamic prefix', { '[id].tsx': withPaths('[]'), '[lang]/[[...slug]].tsx': withPaths('[]') }],
    ['OptionalCatchallConflict two catch-alls', { '[a]/[...x].tsx': withPaths('[]'), '[b]/[[...y]].tsx': withPaths('[]') }],
    ['InvalidSegment', { '[1abc].tsx': withPaths('[]'), 'index.tsx': page }],
    ['InvalidSegment double brackets', { 'docs/[[slug]].tsx': page }],
    ['CatchallNotLast', { 'docs/[...slug]/edit.tsx': withPaths('[]') }],
    ['first parse error in walk order', { 'b/[].tsx': page, 'a/[...x]/y.tsx': page }],
  ])('%s', async (_name, files) => {
    const { zfb, ours } = await both(files);
    expect(ours[0]).toBe(zfb);
  });

  it('a dynamic page without paths (getStaticPaths is not recognised)', async () => {
    const { zfb, ours } = await both({
      'b/[slug].tsx': `export function getStaticPaths() {\n  return { paths: [], fallback: false };\n}\n${page}`,
      'index.tsx': page,
    });
    expect(zfb).toBe(
      'no top-level `paths` export found in pages/b/[slug].tsx; dynamic routes require one — add an exported `paths()` function that returns the list of URL params',
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]!.startsWith(zfb)).toBe(true);
    expect(ours[0]).toContain('getStaticPaths');
  });

  it('a syntax error: located in both, and our other routes are still listed', async () => {
    const files = { 'index.tsx': page, 'bad.tsx': 'export default function Bad() {\n  return <p>bad</p>;\n', 'b/[slug].tsx': withPaths('[{ params: { slug: "x" } }]') };
    const { zfb } = await both(files);
    const at = /pages\/bad\.tsx:(\d+):(\d+):/.exec(zfbBuild(project.dir).stderr);
    expect(zfb).toContain('bundler: esbuild exited');
    const model = await ourModel(project.dir);
    const load = model.diagnostics.find((d) => d.code === 'MODULE_LOAD');
    expect(load).toMatchObject({ severity: 'error', file: 'pages/bad.tsx', line: Number(at![1]), column: Number(at![2]) + 1 });
    expect(load!.message).toContain('Unexpected end of file');
    expect(model.routes.find((r) => r.file === 'pages/b/[slug].tsx')!.entries.map((e) => e.url)).toEqual(['/b/x']);
    expect(model.routes.map((r) => r.file).sort()).toEqual(['pages/b/[slug].tsx', 'pages/bad.tsx', 'pages/index.tsx']);
  });

  it('getStaticProps without props fails the build; ours quotes the render failure', async () => {
    const { zfb, ours } = await both({
      'about.tsx': `export function getStaticProps() {\n  return { notFound: true };\n}\n${page}`,
    });
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain(`"${zfb}"`);
  });

  it('a param with `?`: the whole build fails, ours says so before building', async () => {
    const { zfb, ours } = await both({ 'index.tsx': page, 'b/[slug].tsx': withPaths('[{ params: { slug: "a?b" } }]') });
    expect(zfb).toBe('render failed for /b/a?b (status 404): 404 Not Found');
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain(`"${zfb}"`);
  });

  it('an index.xml.tsx page: zfb routes it but cannot render it', async () => {
    const { zfb, ours } = await both({ 'feed/index.xml.tsx': 'export default function F() {\n  return "<x/>";\n}\n' });
    expect(zfb).toBe('render failed for /feed (status 404): 404 Not Found');
    expect(ours[0]).toContain(`"${zfb}"`);
  });
});

describe('values zfb writes wrongly with exit 0', () => {
  it('`..` overwrites the home page; ours is an error naming the entry', async () => {
    const project = scratchProject('zfb-dotdot');
    project.writePages({
      'index.tsx': 'export default function Home() {\n  return <p>the real home page</p>;\n}\n',
      'b/[slug].tsx': `export function paths() {\n  return [{ params: { slug: ".." } }];\n}\nexport default function P() {\n  return <p>overwritten</p>;\n}\n`,
    });
    const build = zfbBuild(project.dir);
    expect(build.status).toBe(0);
    expect(readFileSync(path.join(project.dir, 'dist', 'index.html'), 'utf8')).toContain('overwritten');
    const model = await ourModel(project.dir);
    const unsafe = model.diagnostics.filter((d) => d.code === 'ZFB_UNSAFE_PARAM');
    expect(unsafe).toHaveLength(1);
    expect(unsafe[0]).toMatchObject({ severity: 'error', file: 'pages/b/[slug].tsx', function: 'paths' });
    expect(unsafe[0]!.message).toContain('paths() entry 0 {"params":{"slug":".."}}');
    expect(unsafe[0]!.message).toContain('home page');
    expect(modelRecords(model)).toEqual(zfbRecords(build.routes!));
  });
});
