import { describe, expect, it } from 'vitest';
import { parseZfbRoute } from '../../src/model/zfb-router.js';
import { evaluateZfbPaths, resolveZfbPaths, zfbPathsProvider, type ZfbPathsTarget } from '../../src/sources/zfb-paths.js';

// The paths() contract and the peer cases of crates/zfb-render/src/paths.rs (zfb source,
// github.com/Takazudo/zudo-front-builder); every zfb message below was printed by zfb 0.1.0-next.89
// (conformance.test.ts replays the skip cases against the binary).

function target(relative: string): ZfbPathsTarget {
  const parsed = parseZfbRoute(relative, `pages/${relative}`);
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return { file: parsed.route.file, segments: parsed.route.segments, template: parsed.route.template };
}

const B = target('b/[slug].tsx');
const D = target('d/[...p].tsx');
const O = target('o/[[...p]].tsx');
const M = target('[z]/[a].tsx');

/** The text zfb prints after `<template>: `, taken from our first diagnostic's quote. */
function zfbMessage(t: ZfbPathsTarget, result: unknown): string {
  const r = resolveZfbPaths(result, t);
  expect(r.entries).toEqual([]);
  const skipped = r.diagnostics.findLast((d) => d.message.includes('zfb prints only'));
  expect(skipped, JSON.stringify(r.diagnostics)).toBeDefined();
  expect(skipped!.severity).toBe('error');
  const quoted = /zfb prints only "⚠ skipping (\S+) \(([^)]+)\) — (.*)"$/.exec(skipped!.message);
  expect(quoted?.[1]).toBe(t.template);
  expect(quoted?.[2]).toBe(t.file);
  return quoted![3]!.slice(`${t.template}: `.length);
}

const invalid = (name: string, reason: string) => `paths() entry has invalid param \`${name}\`: ${reason}`;

describe('URL resolution', () => {
  it('dynamic entries in entry order, raw values, no trailing slash', () => {
    const r = resolveZfbPaths(
      [{ params: { slug: 'b' } }, { params: { slug: 'a' } }, { params: { slug: 'hello world' } }, { params: { slug: '日本語' } }],
      B,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.entries.map((e) => e.url)).toEqual(['/b/b', '/b/a', '/b/hello world', '/b/日本語']);
    expect(r.entries[0]!.params).toEqual({ slug: 'b' });
  });

  it.each(['café', 'a+b', 'a&b', "a'b", '<x>', 'a\\b', 'Caps', 'a.b', '100%', 'a..'])('%s goes into the URL raw', (value) => {
    const r = resolveZfbPaths([{ params: { slug: value } }], B);
    expect(r.diagnostics).toEqual([]);
    expect(r.entries).toEqual([{ url: `/b/${value}`, params: { slug: value } }]);
  });

  it('catch-all arrays; params normalised as routes.json writes them', () => {
    const r = resolveZfbPaths([{ params: { p: ['a', 'b', 'c'] } }, { params: { p: ['x'] } }], D);
    expect(r.entries).toEqual([
      { url: '/d/a/b/c', params: { p: ['a', 'b', 'c'] } },
      { url: '/d/x', params: { p: ['x'] } },
    ]);
  });

  it('optional catch-all: [] is the bare URL', () => {
    const r = resolveZfbPaths([{ params: { p: [] } }, { params: { p: ['x', 'y'] } }], O);
    expect(r.entries.map((e) => [e.url, e.params])).toEqual([
      ['/o', { p: [] }],
      ['/o/x/y', { p: ['x', 'y'] }],
    ]);
    expect(resolveZfbPaths([{ params: { rest: [] } }], target('[[...rest]].tsx')).entries[0]!.url).toBe('/');
  });

  it('multi-param routes with props; props kept as the in-memory object, absent when none', () => {
    const props = { title: 'Hi', when: new Date(0) };
    const r = resolveZfbPaths([{ params: { z: 'en', a: 'intro' }, props }, { params: { z: 'ja', a: 'intro' }, props: null }], M);
    expect(r.entries).toEqual([
      { url: '/en/intro', params: { z: 'en', a: 'intro' }, props },
      { url: '/ja/intro', params: { z: 'ja', a: 'intro' } },
    ]);
    expect(r.entries[0]!.props).toBe(props);
  });

  it('an empty array is a route with no URLs, no error', () => {
    expect(resolveZfbPaths([], B)).toEqual({ entries: [], diagnostics: [] });
  });

  it('a catch-all string is accepted (normalised) with a warning about the raw string', () => {
    const r = resolveZfbPaths([{ params: { p: 'a/b' } }, { params: { p: 'c' } }], D);
    expect(r.entries.map((e) => [e.url, e.params])).toEqual([
      ['/d/a/b', { p: ['a', 'b'] }],
      ['/d/c', { p: ['c'] }],
    ]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'ZFB_CATCHALL_STRING', file: 'pages/d/[...p].tsx', function: 'paths' });
    expect(r.diagnostics[0]!.message).toContain('paths() entry 0 {"params":{"p":"a/b"}} gives the catch-all `p` as a string (2 entries do)');
    expect(r.diagnostics[0]!.message).toContain('receives the raw string');
  });

  it('validates the JSON form: an undefined key is missing, a Date is a string', () => {
    expect(zfbMessage(B, [{ params: { slug: undefined } }])).toBe(
      'paths() entry is missing required param `slug`: params must include `slug`, got []',
    );
    expect(zfbMessage(B, [{ params: { slug: 'a' } }, { params: undefined }])).toBe(
      'paths() export is malformed at `entry[1].params`: missing (expected an object mapping each route param to a value)',
    );
  });

  it('provider names paths() and the route keys', () => {
    expect(zfbPathsProvider(M.file, M.segments)).toEqual({ file: 'pages/[z]/[a].tsx', function: 'paths', keys: ['z', 'a'] });
  });
});

describe('every validation failure: zfb skips the whole route, we report an error', () => {
  it.each<[string, ZfbPathsTarget, unknown, string]>([
    ['params {}', B, [{ params: {} }], 'paths() entry is missing required param `slug`: params must include `slug`, got []'],
    ['wrong name', B, [{ params: { wrongName: 'x' } }], 'paths() entry is missing required param `slug`: params must include `slug`, got [`wrongName`]'],
    ['provided keys sorted', B, [{ params: { x: 1, b: 2 } }], 'paths() entry is missing required param `slug`: params must include `slug`, got [`b`, `x`]'],
    ['extra param', B, [{ params: { slug: 'a', extra: 1 } }], 'paths() entry has extra param `extra` not in the route template: expected one of [`slug`], got `extra`'],
    ['first extra in insertion order, names in route order', M, [{ params: { z: 'a', a: 'b', y: 1, c: 2 } }], 'paths() entry has extra param `y` not in the route template: expected one of [`z`, `a`], got `y`'],
    ['params in route order', M, [{ params: { a: 1 } }], 'paths() entry is missing required param `z`: params must include `z`, got [`a`]'],
    ['value before extra', B, [{ params: { slug: 3, x: 1 } }], invalid('slug', 'dynamic param must be a string, got number')],
    ['number', B, [{ params: { slug: 1 } }], invalid('slug', 'dynamic param must be a string, got number')],
    ['bool', B, [{ params: { slug: true } }], invalid('slug', 'dynamic param must be a string, got bool')],
    ['null', B, [{ params: { slug: null } }], invalid('slug', 'dynamic param must be a string, got null')],
    ['array', B, [{ params: { slug: ['a'] } }], invalid('slug', 'dynamic param must be a string, got array')],
    ['empty', B, [{ params: { slug: '' } }], invalid('slug', 'dynamic param must not be empty')],
    ['slash', B, [{ params: { slug: 'a/b' } }], invalid('slug', 'dynamic param must not contain `/` (use a catchall `[...name]` for path-shaped values)')],
    ['catchall []', D, [{ params: { p: [] } }], invalid('p', 'catchall param array must not be empty')],
    ['catchall [a,""]', D, [{ params: { p: ['a', ''] } }], invalid('p', 'catchall param array element 1 must not be empty')],
    ['catchall ["", 2] (elements in order)', D, [{ params: { p: ['', 2] } }], invalid('p', 'catchall param array element 0 must not be empty')],
    ['catchall [a/b, c]', D, [{ params: { p: ['a/b', 'c'] } }], invalid('p', 'catchall param array element 0 must not contain `/` (split into separate elements)')],
    ['catchall [a, 2]', D, [{ params: { p: ['a', 2] } }], invalid('p', 'catchall param array element 1 must be a string, got number')],
    ['catchall [a, null]', D, [{ params: { p: ['a', null] } }], invalid('p', 'catchall param array element 1 must be a string, got null')],
    ['catchall "a//b"', D, [{ params: { p: 'a//b' } }], invalid('p', 'catchall param string must not contain empty segments')],
    ['catchall ""', D, [{ params: { p: '' } }], invalid('p', 'catchall param string must not be empty')],
    ['catchall "/"', D, [{ params: { p: '/' } }], invalid('p', 'catchall param string must not be empty')],
    ['catchall 5', D, [{ params: { p: 5 } }], invalid('p', 'catchall param must be a string or array of strings, got number')],
    ['catchall {}', D, [{ params: { p: {} } }], invalid('p', 'catchall param must be a string or array of strings, got object')],
    ['optional [""]', O, [{ params: { p: [''] } }], invalid('p', 'catchall param array element 0 must not be empty')],
    ['optional ""', O, [{ params: { p: '' } }], invalid('p', 'catchall param string must not be empty (use an empty array `[]` for the zero-segment case)')],
    ['optional missing', O, [{ params: {} }], 'paths() entry is missing required param `p`: params must include `p`, got []'],
    ['optional null', O, [{ params: { p: null } }], invalid('p', 'catchall param must be a string or array of strings, got null')],
    ['non-array (object)', B, { a: 1 }, 'paths() export is malformed at `paths()`: got object (expected an array of `{ params, props }` objects)'],
    ['non-array (string)', B, 'x', 'paths() export is malformed at `paths()`: got string (expected an array of `{ params, props }` objects)'],
    ['non-array (null)', B, null, 'paths() export is malformed at `paths()`: got null (expected an array of `{ params, props }` objects)'],
    ['entry a number', B, [5], 'paths() export is malformed at `entry[0]`: got number (expected an object with `params` (and optional `props`))'],
    ['entry undefined', B, [undefined], 'paths() export is malformed at `entry[0]`: got null (expected an object with `params` (and optional `props`))'],
    ['entry without params', B, [{}], 'paths() export is malformed at `entry[0].params`: missing (expected an object mapping each route param to a value)'],
    ['params a number', B, [{ params: 5 }], 'paths() export is malformed at `entry[0].params`: got number (expected an object mapping each route param to a value)'],
    ['params null', B, [{ params: null }], 'paths() export is malformed at `entry[0].params`: got null (expected an object mapping each route param to a value)'],
    ['params an array', B, [{ params: ['a'] }], 'paths() export is malformed at `entry[0].params`: got array (expected an object mapping each route param to a value)'],
    ['duplicate URL', B, [{ params: { slug: 'x' } }, { params: { slug: 'x' } }], 'paths() produced ambiguous URLs: entries at indices 0 and 1 both resolve to `/b/x`'],
    ['duplicate via string and array', D, [{ params: { p: 'a/b' } }, { params: { p: ['a', 'b'] } }], 'paths() produced ambiguous URLs: entries at indices 0 and 1 both resolve to `/d/a/b`'],
    ['first bad entry wins', B, [{ params: { slug: 'a' } }, { params: {} }, { params: { slug: 3 } }], 'paths() entry is missing required param `slug`: params must include `slug`, got []'],
  ])('%s', (_name, t, result, message) => {
    expect(zfbMessage(t, result)).toBe(message);
  });

  it('names the file, paths, the entry index and its JSON in each entry error', () => {
    const r = resolveZfbPaths([{ params: { slug: 'ok' } }, { params: { slug: 3 } }], B);
    expect(r.entries).toEqual([]);
    const [first, summary] = r.diagnostics;
    expect(first).toEqual({
      severity: 'error',
      code: 'ZFB_PATHS_INVALID_PARAM',
      file: 'pages/b/[slug].tsx',
      function: 'paths',
      message: 'paths() entry 1 {"params":{"slug":3}}: "/b/:slug: paths() entry has invalid param `slug`: dynamic param must be a string, got number"',
    });
    expect(summary!.code).toBe('ZFB_ROUTE_SKIPPED');
    expect(summary!.message).toBe(
      '1 entry is invalid: zfb 0.1.0-next.89 skips the whole route /b/:slug (all 2 entries, the valid ones too) and still exits 0; ' +
        'zfb prints only "⚠ skipping /b/:slug (pages/b/[slug].tsx) — /b/:slug: paths() entry has invalid param `slug`: dynamic param must be a string, got number"',
    );
  });

  it('reports every bad entry up to a cap, then counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ params: { slug: i } }));
    const r = resolveZfbPaths(many, B);
    expect(r.diagnostics.filter((d) => d.code === 'ZFB_PATHS_INVALID_PARAM')).toHaveLength(10);
    expect(r.diagnostics.at(-1)!.message).toContain('25 entries are invalid (15 not listed)');
  });

  it('undefined return: the runtime sends no JSON at all', () => {
    const r = resolveZfbPaths(undefined, B);
    expect(r.entries).toEqual([]);
    expect(r.diagnostics[0]!.code).toBe('ZFB_PATHS_MALFORMED');
    expect(r.diagnostics[0]!.message).toContain(
      '"⚠ skipping /b/:slug (pages/b/[slug].tsx) — could not parse JSON from /__paths__//b/:slug: EOF while parsing a value at line 1 column 0"',
    );
  });

  it('a result JSON cannot carry (BigInt, cycles) fails the endpoint', () => {
    const cyclic: Record<string, unknown> = { params: { slug: 'a' } };
    cyclic.props = cyclic;
    for (const result of [[{ params: { slug: 'a' }, props: { n: 1n } }], [cyclic]]) {
      const r = resolveZfbPaths(result, B);
      expect(r.entries).toEqual([]);
      expect(r.diagnostics[0]!.code).toBe('ZFB_PATHS_NOT_JSON');
      expect(r.diagnostics[0]!.message).toContain('worker returned 500 for /__paths__//b/:slug: Internal Server Error');
    }
  });
});

describe('values zfb accepts but mishandles: errors before anything is written', () => {
  const unsafe = (t: ZfbPathsTarget, params: Record<string, unknown>) => {
    const r = resolveZfbPaths([{ params }], t);
    return r.diagnostics.filter((d) => d.code === 'ZFB_UNSAFE_PARAM').map((d) => d.message);
  };

  it.each([
    [B, { slug: '..' }, 'overwrites another page such as the home page'],
    [B, { slug: '.' }, 'dot segment "."'],
    [D, { p: ['a', '..'] }, 'dot segment ".."'],
    [D, { p: 'a/../b' }, 'dot segment ".."'],
    [B, { slug: 'a?b' }, 'contains `?`'],
    [B, { slug: 'a#b' }, 'contains `#`'],
    [D, { p: ['ok', 'x#y'] }, 'contains `#`'],
    [B, { slug: '%20x' }, 'percent escape "%20"'],
    [B, { slug: 'a%2Fb' }, 'percent escape "%2F"'],
  ])('%#: %j', (t, params, fragment) => {
    const messages = unsafe(t, params);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(fragment);
    expect(messages[0]).toMatch(/^paths\(\) entry 0 \{.*\} resolves to "/);
  });

  it('the build-failing ones quote the render failure', () => {
    expect(unsafe(B, { slug: 'a?b' })[0]).toContain('render failed for /b/a?b (status 404): 404 Not Found');
  });

  it('a catch-all string with outer slashes: zfb trims it for the URL but the render misses', () => {
    const messages = unsafe(D, { p: '/a/b/' });
    expect(messages[0]).toContain('"/a/b/" in memory but "a/b" in the URL');
    expect(messages[0]).toContain('render failed for /d/a/b (status 404)');
  });

  it('a Date param: a string in JSON, another string at render time', () => {
    expect(unsafe(B, { slug: new Date(0) })[0]).toContain('render failed for /b/1970-01-01T00:00:00.000Z (status 404)');
  });

  it('100% and other lone percent signs are fine', () => {
    expect(unsafe(B, { slug: '100%' })).toEqual([]);
    expect(unsafe(B, { slug: '%zz' })).toEqual([]);
  });
});

describe('the paths export and the call', () => {
  const run = <T>(fn: () => Promise<T> | T) => Promise.resolve(fn());

  it('sync and async functions', async () => {
    const sync = await evaluateZfbPaths({ paths: () => [{ params: { slug: 'a' } }] }, B, run);
    const asyncResult = await evaluateZfbPaths({ paths: async () => [{ params: { slug: 'b' } }] }, B, run);
    expect(sync.entries.map((e) => e.url)).toEqual(['/b/a']);
    expect(asyncResult.entries.map((e) => e.url)).toEqual(['/b/b']);
  });

  it('no paths export: zfb stops the build with its exact text', async () => {
    const r = await evaluateZfbPaths({ default: () => null }, B, run);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'ZFB_MISSING_PATHS', file: 'pages/b/[slug].tsx', function: 'paths' });
    expect(r.diagnostics[0]!.message).toMatch(
      /^no top-level `paths` export found in pages\/b\/\[slug\]\.tsx; dynamic routes require one — add an exported `paths\(\)` function that returns the list of URL params/,
    );
    expect(r.diagnostics[0]!.message).not.toContain('getStaticPaths');
  });

  it('getStaticPaths is not recognised, and the message says so', async () => {
    const r = await evaluateZfbPaths({ getStaticPaths: () => ({ paths: [], fallback: false }) }, B, run);
    expect(r.diagnostics[0]!.code).toBe('ZFB_MISSING_PATHS');
    expect(r.diagnostics[0]!.message).toContain('zfb does not recognise the Next.js name `getStaticPaths`');
  });

  it('export const paths = [...]: zfb skips the route', async () => {
    const r = await evaluateZfbPaths({ paths: [{ params: { slug: 'a' } }] }, B, run);
    expect(r.entries).toEqual([]);
    expect(r.diagnostics[0]!.code).toBe('ZFB_PATHS_NOT_FUNCTION');
    expect(r.diagnostics[0]!.message).toContain('`paths` is exported as an array ([{"params":{"slug":"a"}}]), not a function');
    expect(r.diagnostics[0]!.message).toContain(
      'worker returned 404 for /__paths__//b/:slug: [zfb-runtime] /__paths__: page module for "/b/:slug" has no paths() export',
    );
  });

  it.each([
    ['an Error', () => { throw new Error('boom'); }, 'boom'],
    ['a string', () => { throw 'str'; }, 'str'],
    ['a rejection', async () => { throw new TypeError('async boom'); }, 'async boom'],
  ])('a throwing paths() (%s): error with the route and the message', async (_n, paths, thrown) => {
    const r = await evaluateZfbPaths({ paths }, B, run);
    expect(r.entries).toEqual([]);
    expect(r.diagnostics[0]!.code).toBe('ZFB_PATHS_THREW');
    expect(r.diagnostics[0]!.message).toContain(`paths() of /b/:slug threw: ${thrown}.`);
    expect(r.diagnostics[0]!.message).toContain(
      `worker returned 500 for /__paths__//b/:slug: [zfb-runtime] /__paths__: paths() threw for "/b/:slug": ${thrown}`,
    );
  });

  it('runs paths() through the given runner', async () => {
    let ran = 0;
    const counting = <T>(fn: () => Promise<T> | T) => {
      ran++;
      return Promise.resolve(fn());
    };
    await evaluateZfbPaths({ paths: () => [] }, B, counting);
    expect(ran).toBe(1);
  });
});
