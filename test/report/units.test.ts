import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, urlFromHtmlFile } from '../../src/report/canonical-url.js';
import { escapeMarkdown, jsonForScript } from '../../src/report/escape.js';
import { allowMatcher, countFailures, parseAllowList } from '../../src/report/policy.js';
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
  // Values zfb writes raw into routes.json (zfb-engine.md §2.1); `?`, `#` and `/` never reach a zfb URL.
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

  it('keeps project strings from becoming Markdown or HTML', () => {
    expect(escapeMarkdown('/a|b/[slug]/<img src=x>/`x`/*y*')).toBe('/a\\|b/\\[slug\\]/&#60;img src=x&#62;/\\`x\\`/\\*y\\*');
  });
});

describe('policy', () => {
  it('reads allow files: comments, blank lines, leading slash added', () => {
    expect(parseAllowList('# intended\n\n/blog/**\nposts/old-*\r\n  # indented comment\n')).toEqual(['/blog/**', '/posts/old-*']);
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
