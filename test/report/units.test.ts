import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, urlFromHtmlFile } from '../../src/report/canonical-url.js';
import { escapeInvisible, jsonForScript, markdownCode, quoteIfNeeded } from '../../src/report/escape.js';
import { allowMatcher, allowMatches, countFailures, parseAllowList } from '../../src/report/policy.js';
import { patternFromZfbSource } from '../../src/report/side-zfb-dist.js';
import { changeExcerpt, visibleText } from '../../src/report/visible-text.js';

const require = createRequire(import.meta.url);
const { buildPagesStaticPaths } = require('next/dist/build/static-paths/pages.js') as {
  buildPagesStaticPaths: (args: unknown) => Promise<{ prerenderedRoutes: Array<{ pathname: string }> }>;
};

/** The prerender-manifest key next@16.4.6 writes for `/p/[id]` with `id = value`. */
async function nextPathname(value: string): Promise<string> {
  const result = await buildPagesStaticPaths({
    page: '/p/[id]',
    configFileName: 'next.config.js',
    getStaticPaths: async () => ({ paths: [{ params: { id: value } }], fallback: false }),
  });
  return result.prerenderedRoutes[0]!.pathname;
}

describe('canonical URLs', () => {
  // Values zfb writes raw into routes.json (test/zfb/conformance.test.ts); `?`, `#` and `/` never reach a zfb URL.
  it.each(['hello world', 'café', '日本語', 'a\\b', '100%', 'a+b', 'a&b', "a'b", '<x>', 'Caps', 'a.b', 'x%2fy'])(
    'zfb raw /p/%s equals what Next writes for the same param',
    async (value) => {
      const next = await nextPathname(value);
      expect(canonicalUrl(`/p/${value}`, 'zfb')).toBe(canonicalUrl(next, 'next'));
    },
  );

  it('keeps Next URLs as written, without a trailing slash', async () => {
    expect(await nextPathname('x/y')).toBe('/p/x%2Fy');
    expect(canonicalUrl('/p/x%2Fy', 'next')).toBe('/p/x%2Fy');
    expect(canonicalUrl('/posts/2/', 'next')).toBe('/posts/2');
    expect(canonicalUrl('/', 'zfb')).toBe('/');
    expect(canonicalUrl('/b/hello world', 'zfb')).toBe(canonicalUrl('/b/hello world', 'next'));
  });

  it('names export files the way Next does', () => {
    expect(urlFromHtmlFile('index.html')).toBe('/');
    expect(urlFromHtmlFile('posts/1/index.html')).toBe('/posts/1');
    expect(urlFromHtmlFile('posts/hello world.html')).toBe('/posts/hello world');
    expect(urlFromHtmlFile('posts/x%2Fy.html')).toBe('/posts/x%2Fy');
    expect(urlFromHtmlFile('posts/1.txt')).toBeUndefined();
  });

  it('turns zfb source files into patterns', () => {
    expect(patternFromZfbSource('pages/index.tsx')).toBe('/');
    expect(patternFromZfbSource('pages/blog/index.tsx')).toBe('/blog');
    expect(patternFromZfbSource('pages/posts/[slug].tsx')).toBe('/posts/[slug]');
    expect(patternFromZfbSource('pages/sitemap.xml.tsx')).toBe('/sitemap.xml');
    expect(patternFromZfbSource('pages/about.md')).toBe('/about');
  });
});

describe('visible text', () => {
  it('drops head, scripts, styles and React text separators; decodes entities; collapses whitespace', () => {
    const next =
      '<!DOCTYPE html><html><head><title>T</title><script>x()</script></head><body><div id="__next"><main><h1>Post <!-- -->a &amp; b</h1>' +
      '<p>The text.</p></main></div><script id="__NEXT_DATA__" type="application/json">{"a":1}</script></body></html>';
    const zfb = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"/><title>Other</title><style>p{}</style></head><body><main><h1>Post a &#38; b</h1>\n  <p>The text.</p></main></body></html>';
    expect(visibleText(next)).toBe('Post a & b The text.');
    expect(visibleText(zfb)).toBe(visibleText(next));
  });

  it('excerpts the first change with some context on each side', () => {
    const base = 'Intro words that stay the same for a while and then this part changed here, then more words.';
    const head = 'Intro words that stay the same for a while and then that part changed here, then more words.';
    expect(changeExcerpt(base, head)).toEqual({
      base: '…the same for a while and then this part changed here, then more…',
      head: '…the same for a while and then that part changed here, then more…',
    });
    expect(changeExcerpt('short', 'shorter')).toEqual({ base: 'short', head: 'shorter' });
  });
});

describe('escaping', () => {
  it('keeps </script> and <!-- inside embedded JSON from ending the script element', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script><!--' });
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script><!--' });
  });

  it('shows project strings in Markdown as code: no link, no mention, no markup, no raw control character', () => {
    expect(markdownCode('/a|b/[slug]/<img src=x>/*y*', { inTable: true })).toBe('`/a\\|b/[slug]/<img src=x>/*y*`');
    expect(markdownCode('/a|b', { inTable: false })).toBe('`/a|b`');
    // A backtick run inside gets a longer fence; a leading or trailing backtick or space gets padding.
    expect(markdownCode('a`b``c', { inTable: true })).toBe('```a`b``c```');
    expect(markdownCode('`x', { inTable: true })).toBe('`` `x ``');
    expect(markdownCode(' x', { inTable: true })).toBe('`  x `');
    // A lone CR would end the table row on GitHub; NUL and ESC must not pass through.
    expect(markdownCode('/p/a\rb\u0000c\u001b[32md', { inTable: true })).toBe('`/p/a\\rb\\u0000c\\u001b[32md`');
    expect(markdownCode('@octocat https://evil.example', { inTable: true })).toBe('`@octocat https://evil.example`');
    expect(markdownCode('', { inTable: true })).toBe('');
  });

  it('writes invisible characters as JSON escapes, and quotes a list value that would read as two', () => {
    expect(escapeInvisible('a\u001b[31mred\u001b[0m\r\u2028\u202e\ud800')).toBe('a\\u001b[31mred\\u001b[0m\\r\\u2028\\u202e\\ud800');
    expect(escapeInvisible('two\nlines\r', { keepNewlines: true })).toBe('two\nlines\\r');
    expect(escapeInvisible('😀 café')).toBe('😀 café');
    expect(quoteIfNeeded('/en/posts/1')).toBe('/en/posts/1');
    expect(quoteIfNeeded('/fr/café')).toBe('/fr/café');
    expect(quoteIfNeeded('/en/posts/a b')).toBe('"/en/posts/a b"');
    expect(quoteIfNeeded('/p/"q"\\')).toBe('"/p/\\"q\\"\\\\"');
    expect(quoteIfNeeded('/p/\u001b[32m')).toBe('"/p/\\u001b[32m"');
    expect(quoteIfNeeded('/p/\u00a0x')).toBe('"/p/\u00a0x"');
  });
});

describe('policy', () => {
  it('reads allow files: comments, blank lines, leading slash added, line numbers kept', () => {
    expect(parseAllowList('# intended\n\n/blog/**\nposts/old-*\r\n  # indented comment\n')).toEqual([
      { glob: '/blog/**', line: 3 },
      { glob: '/posts/old-*', line: 4 },
    ]);
  });

  it('refuses a glob picomatch cannot read as written, and a negated glob, naming the line', () => {
    expect(() => parseAllowList('/ok/**\n/posts/[\n')).toThrow('line 2: "/posts/[" is not a valid glob: Missing closing: "]"');
    expect(() => parseAllowList('/a/{b,c\n')).toThrow('line 1: "/a/{b,c" is not a valid glob: Missing closing: "}"');
    expect(() => parseAllowList('# c\n!(/keep/**)\n')).toThrow(
      'line 2: "!(/keep/**)" is not a valid glob: a negated glob allows every removal it does not name; list the URLs to allow instead',
    );
    expect(() => parseAllowList('!/keep/**\n')).toThrow('line 1: "!/keep/**" is not a valid glob');
    // An extglob negation inside a segment is a glob like any other.
    expect(parseAllowList('/a/!(b)\n')).toEqual([{ glob: '/a/!(b)', line: 1 }]);
  });

  it('counts the removed URLs each allow line matches', () => {
    const rules = parseAllowList('/blog/*\n/blog/**\n/none/*\n');
    expect(allowMatches(rules, ['/blog/a', '/blog/b/c', '/docs/x'])).toEqual([
      { glob: '/blog/*', line: 1, removed: 1 },
      { glob: '/blog/**', line: 2, removed: 2 },
      { glob: '/none/*', line: 3, removed: 0 },
    ]);
  });

  it('matches canonical URLs, spaces and dots included, and names the glob', () => {
    const match = allowMatcher(['/posts/*', '/docs/**']);
    expect(match('/posts/hello world')).toBe('/posts/*');
    expect(match('/posts/.hidden')).toBe('/posts/*');
    expect(match('/docs/a/b')).toBe('/docs/**');
    expect(match('/posts/a/b')).toBeNull();
  });

  it('removed ⊂ changed ⊂ any', () => {
    const counts = { added: 1, removed: 3, removedAllowed: 1, unchanged: 0, routeChanges: 2, fileChanged: 1, unmatchedChanged: 1, providerChanged: 0, textChanged: 4, textCompared: 9 };
    expect([countFailures(counts, 'none'), countFailures(counts, 'removed'), countFailures(counts, 'changed'), countFailures(counts, 'any')]).toEqual([0, 2, 8, 9]);
  });
});
