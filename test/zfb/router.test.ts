import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  classifyZfbFile,
  detectZfbConflicts,
  listZfbPageFiles,
  parseZfbRoute,
  scanZfbPages,
  sortZfbRoutes,
  zfbShapeKey,
  type ZfbRoute,
} from '../../src/model/zfb-router.js';

// Cases: zfb's routing rules and its own router suite (crates/zfb-router/src/scan.rs and
// crates/zfb-router/tests/scan_routes.rs in the zfb source, github.com/Takazudo/zudo-front-builder), each
// message checked against zfb 0.1.0-next.89 (see conformance.test.ts for the ones replayed against the binary).

function route(relative: string): ZfbRoute {
  const parsed = parseZfbRoute(relative, `pages/${relative}`);
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return parsed.route;
}

function parseError(relative: string): { code: string; message: string } {
  const parsed = parseZfbRoute(relative, `pages/${relative}`);
  if (parsed.ok) throw new Error(`${relative} parsed`);
  return { code: parsed.diagnostic.code, message: parsed.diagnostic.message };
}

describe('file → route (parse)', () => {
  it.each([
    ['about.tsx', '/about', '/about'],
    ['index.tsx', '/', '/'],
    ['blog/index.tsx', '/blog', '/blog'],
    ['blog/[slug].tsx', '/blog/:slug', '/blog/[slug]'],
    ['docs/[...slug].tsx', '/docs/:slug{.+}', '/docs/[...slug]'],
    ['docs/[[...slug]].tsx', '/docs/:slug{.+}?', '/docs/[[...slug]]'],
    ['[[...rest]].tsx', '/:rest{.+}?', '/[[...rest]]'],
    ['multi/[lang]/[slug].tsx', '/multi/:lang/:slug', '/multi/[lang]/[slug]'],
    ['(group)/g.tsx', '/(group)/g', '/(group)/g'],
    ['404.tsx', '/404', '/404'],
    ['sub/404.tsx', '/sub/404', '/sub/404'],
    ['about.md', '/about', '/about'],
    ['x.mdx', '/x', '/x'],
    ['contact.html', '/contact', '/contact'],
    ['index.md', '/', '/'],
    ['index.html', '/', '/'],
    ['about.test.tsx', '/about.test', '/about.test'],
  ])('%s → %s', (file, template, pattern) => {
    const r = route(file);
    expect(r.template).toBe(template);
    expect(r.pattern).toBe(pattern);
  });

  it('keeps each segment kind (blog/page/[page])', () => {
    expect(route('blog/page/[page].tsx').segments).toEqual([
      { kind: 'static', value: 'blog' },
      { kind: 'static', value: 'page' },
      { kind: 'dynamic', name: 'page' },
    ]);
    expect(route('index.tsx').segments).toEqual([]);
  });

  it.each([
    ['sitemap.xml.tsx', '/sitemap.xml', 'xml'],
    ['api.v2.json.tsx', '/api.v2.json', 'json'],
    ['data.json.tsx', '/data.json', 'json'],
    ['about.tsx', '/about', undefined],
    ['about.md', '/about', undefined],
    ['docs/[...slug].tsx', '/docs/:slug{.+}', undefined],
  ])('output extension of %s', (file, template, ext) => {
    const r = route(file);
    expect(r.template).toBe(template);
    expect(r.outputExtension).toBe(ext);
  });
});

describe('parse errors (exact text)', () => {
  it.each([
    ['blog/[].tsx', 'invalid route segment "[]" in pages/blog/[].tsx: empty parameter name'],
    ['docs/[[slug]].tsx', 'invalid route segment "[[slug]]" in pages/docs/[[slug]].tsx: double brackets are only valid as an optional catchall `[[...name]]`'],
    ['docs/[[...]].tsx', 'invalid route segment "[[...]]" in pages/docs/[[...]].tsx: empty optional catchall parameter name'],
    ['docs/[...].tsx', 'invalid route segment "[...]" in pages/docs/[...].tsx: empty catchall parameter name'],
    ['docs/[[...1slug]].tsx', 'invalid route segment "[[...1slug]]" in pages/docs/[[...1slug]].tsx: invalid parameter name "1slug"'],
    ['[1abc].tsx', 'invalid route segment "[1abc]" in pages/[1abc].tsx: invalid parameter name "1abc"'],
    ['[slug].json.tsx', 'invalid route segment "[slug].json" in pages/[slug].json.tsx: unbalanced brackets'],
    ['a[b].tsx', 'invalid route segment "a[b]" in pages/a[b].tsx: unbalanced brackets'],
    ['é/[x-é].tsx', 'invalid route segment "[x-é]" in pages/é/[x-é].tsx: invalid parameter name "x-é"'],
    ['[a"b].tsx', 'invalid route segment "[a\\"b]" in pages/[a"b].tsx: invalid parameter name "a\\"b"'],
  ])('%s', (file, message) => {
    expect(parseError(file)).toEqual({ code: 'ZFB_INVALID_SEGMENT', message });
  });

  it.each([
    ['docs/[...slug]/edit.tsx', 'catchall segment "[...slug]" in pages/docs/[...slug]/edit.tsx must be the last segment of the route'],
    ['docs/[[...slug]]/edit.tsx', 'catchall segment "[[...slug]]" in pages/docs/[[...slug]]/edit.tsx must be the last segment of the route'],
  ])('%s', (file, message) => {
    expect(parseError(file)).toEqual({ code: 'ZFB_CATCHALL_NOT_LAST', message });
  });

  it('accepts the whole param-name grammar [A-Za-z_][A-Za-z0-9_-]*', () => {
    expect(route('[_a-B9].tsx').segments).toEqual([{ kind: 'dynamic', name: '_a-B9' }]);
    expect(parseError('[-a].tsx').message).toContain('invalid parameter name "-a"');
  });
});

describe('which files are routes', () => {
  const verdict = (relative: string) => classifyZfbFile(relative, 'pages');

  it.each(['_app.tsx', '_document.tsx', '_private.md', '_components/nested/api.tsx', 'a/_b/c.tsx', '__paths__/foo.tsx'])(
    '%s is ignored silently',
    (file) => {
      expect(verdict(file)).toEqual({ kind: 'skipped', diagnostics: [] });
    },
  );

  it.each(['widget.client.tsx', 'w.client.ts', 'w.client.js', 'w.client.jsx'])('%s is a client script, not a route', (file) => {
    expect(verdict(file)).toEqual({ kind: 'skipped', diagnostics: [] });
  });

  it('routes lib/nested/api.tsx and clientele.tsx', () => {
    expect(verdict('lib/nested/api.tsx').kind).toBe('route');
    expect(verdict('clientele.tsx').kind).toBe('route');
  });

  it.each(['plain.ts', 'x.js', 'y.jsx', 'feed.rss.ts', 'api/hello.ts'])('%s: ignored by next.89, with our warning', (file) => {
    const v = verdict(file);
    expect(v.kind).toBe('skipped');
    expect(v.diagnostics).toHaveLength(1);
    expect(v.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'ZFB_IGNORED_EXTENSION', file: `pages/${file}` });
    expect(v.diagnostics[0]!.message).toContain('zfb 0.1.0-next.89 ignores');
    expect(v.diagnostics[0]!.message).toContain('accepted extensions are: tsx, mdx, md, html');
  });

  it.each(['notes.txt', 'g.txt', 'env.d.ts', 'styles.css', '.DS_Store'])('%s: not a page, nothing to say', (file) => {
    expect(verdict(file)).toEqual({ kind: 'skipped', diagnostics: [] });
  });

  it.each(['docs/[slug].md', 'docs/[slug].html', 'docs/[...rest].md'])('%s: dynamic .md/.html skipped with a warning', (file) => {
    const v = verdict(file);
    expect(v.kind).toBe('skipped');
    expect(v.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'ZFB_DYNAMIC_STATIC_FILE' });
  });

  it('a dynamic .md with a bad segment is still a parse error (zfb parses before it skips)', () => {
    expect(verdict('docs/[1x].md')).toMatchObject({ kind: 'invalid', diagnostics: [{ code: 'ZFB_INVALID_SEGMENT' }] });
  });

  it.each([
    ['index.xml.tsx', '/'],
    ['feed/index.xml.tsx', '/feed'],
  ])('%s is a route whose build fails in next.89', (file, template) => {
    const v = verdict(file);
    expect(v.kind).toBe('route');
    expect(v.diagnostics[0]!.code).toBe('ZFB_INDEX_EXTENSION');
    expect(v.diagnostics[0]!.message).toContain(`render failed for ${template} (status 404): 404 Not Found`);
  });
});

describe('conflicts (exact text)', () => {
  const conflicts = (...files: string[]) => detectZfbConflicts(files.map(route)).map((d) => [d.code, d.message]);

  it('AmbiguousRoute: blog.tsx + blog/index.tsx (walk order: the folder first)', () => {
    expect(conflicts('blog/index.tsx', 'blog.tsx')).toEqual([
      ['ZFB_AMBIGUOUS_ROUTE', 'ambiguous route "/blog": produced by both pages/blog/index.tsx and pages/blog.tsx'],
    ]);
  });

  it('AmbiguousRoute: index.test.tsx beside index.tsx', () => {
    expect(conflicts('index.test.tsx', 'index.tsx')[0]![1]).toBe(
      'ambiguous route "/": produced by both pages/index.test.tsx and pages/index.tsx',
    );
  });

  it.each([
    [['docs/[a].tsx', 'docs/[b].tsx'], '/docs/:*'],
    [['[a].tsx', '[b].tsx'], '/:*'],
    [['docs/[a]/edit.tsx', 'docs/[b]/edit.tsx'], '/docs/:*/edit'],
    [['docs/[...a].tsx', 'docs/[...b].tsx'], '/docs/:...'],
  ])('AmbiguousShape %j', (files, shape) => {
    expect(conflicts(...files)).toEqual([
      [
        'ZFB_AMBIGUOUS_SHAPE',
        `ambiguous route shape "${shape}": pages/${files[0]} and pages/${files[1]} differ only in parameter names and match the same URLs; rename one to a distinct path or remove it`,
      ],
    ]);
  });

  const bare = (other: string, optional: string, url: string) =>
    `conflicting routes pages/${other} and pages/${optional}: both serve the bare URL \`${url}\` (an optional catchall \`[[...name]]\` matches zero segments)`;
  const overlap = (other: string, optional: string, prefix: string) =>
    `conflicting routes pages/${other} and pages/${optional}: two catchall routes at the same prefix \`${prefix}\` overlap on every non-empty path; keep exactly one of them`;

  it.each([
    [['docs/[[...slug]].tsx', 'docs/index.tsx'], bare('docs/index.tsx', 'docs/[[...slug]].tsx', '/docs')],
    [['docs.tsx', 'docs/[[...slug]].tsx'], bare('docs.tsx', 'docs/[[...slug]].tsx', '/docs')],
    [['[[...rest]].tsx', 'index.tsx'], bare('index.tsx', '[[...rest]].tsx', '/')],
    [['[id].tsx', '[lang]/[[...slug]].tsx'], bare('[id].tsx', '[lang]/[[...slug]].tsx', '/:lang')],
    [['docs/[...a].tsx', 'docs/[[...b]].tsx'], overlap('docs/[...a].tsx', 'docs/[[...b]].tsx', '/docs')],
    [['[a]/[...x].tsx', '[b]/[[...y]].tsx'], overlap('[a]/[...x].tsx', '[b]/[[...y]].tsx', '/:b')],
  ])('OptionalCatchallConflict %j', (files, message) => {
    expect(conflicts(...files)).toEqual([['ZFB_OPTIONAL_CATCHALL_CONFLICT', message]]);
  });

  it('two optional catchalls at one prefix are one conflict, reported once', () => {
    const found = conflicts('docs/[[...a]].tsx', 'docs/[[...b]].tsx');
    expect(found).toEqual([['ZFB_OPTIONAL_CATCHALL_CONFLICT', overlap('docs/[[...b]].tsx', 'docs/[[...a]].tsx', '/docs')]]);
  });

  it.each([
    [['[id].tsx', 'docs/[[...slug]].tsx']],
    [['[lang]/[slug].tsx', 'blog/[slug].tsx']],
    [['docs/[a]/x.tsx', 'docs/[b]/y.tsx']],
    [['docs/[id].tsx', 'docs/[...slug].tsx']],
    [['docs/[...slug].tsx', 'manual/[[...slug]].tsx']],
    [['docs/[[...slug]].tsx', 'docs/about.tsx', 'docs/sub/[id].tsx']],
  ])('legal: %j', (files) => {
    expect(conflicts(...files)).toEqual([]);
  });

  it('reports each further duplicate against the one before it', () => {
    expect(conflicts('[a].tsx', '[b].tsx', '[c].tsx').map(([, m]) => m!.slice(0, 60))).toEqual([
      'ambiguous route shape "/:*": pages/[a].tsx and pages/[b].tsx',
      'ambiguous route shape "/:*": pages/[b].tsx and pages/[c].tsx',
    ]);
  });

  it('shape keys erase names only', () => {
    expect(zfbShapeKey(route('[lang]/[[...slug]].tsx').segments)).toBe('/:*/:...');
    expect(zfbShapeKey([])).toBe('/');
  });
});

describe('sortZfbRoutes (sort_routes)', () => {
  const order = (...files: string[]) => sortZfbRoutes(files.map(route)).map((r) => r.relative);

  it.each([
    [['[id].tsx', 'docs/[[...slug]].tsx'], ['docs/[[...slug]].tsx', '[id].tsx']],
    [['[lang]/[slug].tsx', 'docs/[[...slug]].tsx'], ['docs/[[...slug]].tsx', '[lang]/[slug].tsx']],
    [['[lang]/[slug].tsx', 'docs/[...slug].tsx', 'docs/[id].tsx'], ['docs/[id].tsx', 'docs/[...slug].tsx', '[lang]/[slug].tsx']],
    [['docs/[...slug].tsx', 'docs/v/[page].tsx'], ['docs/v/[page].tsx', 'docs/[...slug].tsx']],
    [['[foo].tsx', 'foo/index.tsx'], ['foo/index.tsx', '[foo].tsx']],
    // A prefix rank vector sorts first: `/` ([]) before `/about` ([0]) under the rank-vector sort.
    [['about.tsx', 'index.tsx'], ['index.tsx', 'about.tsx']],
  ])('%j', (input, expected) => {
    expect(order(...input)).toEqual(expected);
    expect(order(...[...input].reverse())).toEqual(expected);
  });

  it('ties: index stem first, then source path component by component', () => {
    // Same rank vector [0] and weight; the index stem wins its +1.
    expect(order('blog.md', 'blog/index.md')).toEqual(['blog/index.md', 'blog.md']);
    // 'a.tsx' vs 'a/…' differ as paths ('a' < 'a.tsx'), not as strings ('.' < '/').
    expect(order('x.tsx', 'a.b.tsx')).toEqual(['a.b.tsx', 'x.tsx']);
    expect(sortZfbRoutes([{ segments: [], file: 'pages/a.tsx' }, { segments: [], file: 'pages/a/b.tsx' }]).map((r) => r.file)).toEqual([
      'pages/a/b.tsx',
      'pages/a.tsx',
    ]);
  });

  it('does not mutate its input', () => {
    const input = ['about.tsx', 'index.tsx'].map(route);
    sortZfbRoutes(input);
    expect(input.map((r) => r.relative)).toEqual(['about.tsx', 'index.tsx']);
  });
});

describe('scanning a pages/ folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tree = (files: string[]) => {
    const root = mkdtempSync(path.join(tmpdir(), 'zfb-scan-'));
    dirs.push(root);
    for (const f of files) {
      mkdirSync(path.dirname(path.join(root, 'pages', f)), { recursive: true });
      writeFileSync(path.join(root, 'pages', f), '');
    }
    return root;
  };

  it('walks depth first with names in byte order (the order zfb reports conflicts in)', () => {
    const root = tree(['blog.tsx', 'blog/index.tsx', 'B.tsx', '[id].tsx', 'index.tsx', '_x.tsx']);
    expect(listZfbPageFiles(path.join(root, 'pages'))).toEqual(['B.tsx', '[id].tsx', '_x.tsx', 'blog/index.tsx', 'blog.tsx', 'index.tsx']);
    const scan = scanZfbPages(root, path.join(root, 'pages'));
    expect(scan.diagnostics.map((d) => d.message)).toEqual([
      'ambiguous route "/blog": produced by both pages/blog/index.tsx and pages/blog.tsx',
    ]);
  });

  it('reports every bad file and keeps the good ones', () => {
    const root = tree(['ok.tsx', '[].tsx', 'a/[...x]/b.tsx', 'plain.ts']);
    const scan = scanZfbPages(root, path.join(root, 'pages'));
    expect(scan.routes.map((r) => r.file)).toEqual(['pages/ok.tsx']);
    expect(scan.diagnostics.map((d) => d.code)).toEqual(['ZFB_INVALID_SEGMENT', 'ZFB_CATCHALL_NOT_LAST', 'ZFB_IGNORED_EXTENSION']);
  });

  it('does not follow symlinks (WalkDir follow_links(false))', () => {
    const root = tree(['real/page.tsx']);
    symlinkSync(path.join(root, 'pages', 'real'), path.join(root, 'pages', 'linked'));
    symlinkSync(path.join(root, 'pages', 'real', 'page.tsx'), path.join(root, 'pages', 'alias.tsx'));
    expect(listZfbPageFiles(path.join(root, 'pages'))).toEqual(['real/page.tsx']);
  });
});
