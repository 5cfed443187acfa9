import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleSession } from '../../src/load/load-modules.js';
import type { Route } from '../../src/model/types.js';
import { discoverProject } from '../../src/project/discover.js';
import type { SourceResult } from '../../src/sources/contract.js';
import { nextPagesSource } from '../../src/sources/next-pages.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string): string => path.join(repo, 'fixtures', name);

const sessions: ModuleSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

async function run(name: string): Promise<SourceResult> {
  const project = await discoverProject(fixture(name));
  const session = new ModuleSession(project.root);
  sessions.push(session);
  return nextPagesSource(project, session);
}

function byPattern(result: SourceResult): Map<string, Route> {
  return new Map(result.routes.map((r) => [r.pattern, r]));
}

describe('nextPagesSource on fixtures/next-pages-i18n', () => {
  // `.next/prerender-manifest.json` of a real `next build` (16.4.6) of this fixture: `routes` keys, and
  // `dynamicRoutes[page].fallback` (false / null / '<page>.html').
  const PRERENDERED = [
    '/en/about', '/en/ctx/en-default', '/en/docs/a/b', '/en/docs/d/e', '/en/fb-blocking/a%2Fb', '/en/fb-blocking/b1',
    '/en/fb-blocking/café', '/en/fb-true/t1', '/en/opt', '/en/opt/x/y', '/en/posts/1', '/en/posts/a b', '/en/posts/ü%3F%23',
    '/en/posts/x%2Fy', '/en/strings/s1', '/en/strings/s2', '/fr/about', '/fr/ctx/fr', '/fr/docs/c', '/fr/fb-blocking/b2',
    '/fr/opt', '/fr/posts/2', '/fr/strings/s space', '/FR/strings/upper',
  ];
  const DYNAMIC_FALLBACK: Record<string, false | null | string> = {
    '/ctx/[lang]': false,
    '/docs/[...slug]': false,
    '/fb-blocking/[id]': null,
    '/fb-true/[id]': '/fb-true/[id].html',
    '/opt/[[...slug]]': false,
    '/posts/[id]': false,
    '/strings/[id]': false,
  };
  const unmatchedOf = (fallback: false | null | string): string => (fallback === false ? 'not-found' : fallback === null ? 'blocking' : 'fallback');

  it('lists exactly the prerendered URLs of the real build for every getStaticProps page', async () => {
    const result = await run('next-pages-i18n');
    expect(result.diagnostics).toEqual([]);
    const ssg = result.routes.filter((r) => r.providers.length > 0 || r.pattern === '/about');
    expect(ssg.flatMap((r) => r.entries.map((e) => e.url)).sort()).toEqual([...PRERENDERED].sort());
    const routes = byPattern(result);
    for (const [page, fallback] of Object.entries(DYNAMIC_FALLBACK)) {
      expect(routes.get(page)?.unmatched, page).toBe(unmatchedOf(fallback));
    }
  });

  it('models the pages that are not in the prerender manifest', async () => {
    const routes = byPattern(await run('next-pages-i18n'));
    // pages-manifest of the same build: '/en' -> pages/en.html, '/fr' -> pages/fr.html.
    expect(routes.get('/')?.entries).toEqual([
      { url: '/en', params: {}, locale: 'en' },
      { url: '/fr', params: {}, locale: 'fr' },
    ]);
    expect(routes.get('/ssr')).toMatchObject({ kind: 'page', entries: [], unmatched: 'blocking' });
    expect(routes.get('/api/hello')).toMatchObject({ kind: 'api', entries: [], unmatched: 'blocking', file: 'pages/api/hello.js' });
    expect([...routes.keys()].some((p) => p.includes('README'))).toBe(false);
  });

  it('keeps Next params, encoded URLs, locales and providers', async () => {
    const routes = byPattern(await run('next-pages-i18n'));
    const posts = routes.get('/posts/[id]')!;
    expect(posts).toMatchObject({
      file: 'pages/posts/[id].jsx',
      origin: 'next-pages',
      segments: [{ kind: 'static', value: 'posts' }, { kind: 'dynamic', name: 'id' }],
      providers: [{ file: 'pages/posts/[id].jsx', function: 'getStaticPaths', keys: ['id'] }],
    });
    expect(posts.entries.find((e) => e.url === '/en/posts/ü%3F%23')).toEqual({
      url: '/en/posts/ü%3F%23',
      encodedUrl: '/en/posts/%C3%BC%3F%23',
      params: { id: 'ü?#' },
      locale: 'en',
    });
    expect(routes.get('/opt/[[...slug]]')!.entries.map((e) => [e.url, e.params, e.locale])).toEqual([
      ['/en/opt', { slug: [] }, 'en'],
      ['/fr/opt', { slug: null }, 'fr'],
      ['/en/opt/x/y', { slug: ['x', 'y'] }, 'en'],
    ]);
    expect(routes.get('/fb-blocking/[id]')!.entries.find((e) => e.url === '/en/fb-blocking/café')).toEqual({
      url: '/en/fb-blocking/café',
      encodedUrl: '/en/fb-blocking/caf%C3%A9',
      params: { id: 'café' },
      locale: 'en',
    });
  });
});

describe('nextPagesSource: bad input never loses a route', () => {
  it('reports a syntax error with file, line and column and still lists the other routes', async () => {
    const result = await run('next-pages-errors');
    const syntax = result.diagnostics.find((d) => d.file === 'pages/syntax/[id].jsx');
    expect(syntax).toMatchObject({ severity: 'error', code: 'MODULE_LOAD', line: 6, column: 31 });
    expect(syntax!.message).toContain('pages/syntax/[id].jsx (route /syntax/[id]) could not be loaded');
    const routes = byPattern(result);
    expect(routes.get('/syntax/[id]')).toMatchObject({ entries: [], file: 'pages/syntax/[id].jsx' });
    expect(routes.get('/ok/[id]')!.entries.map((e) => e.url)).toEqual(['/ok/fine']);
    expect(routes.get('/')!.entries.map((e) => e.url)).toEqual(['/']);
  });

  it('points at the imported file that fails to parse', async () => {
    const result = await run('next-pages-errors');
    const broken = result.diagnostics.find((d) => d.message.includes('pages/imports-broken.jsx'));
    expect(broken).toMatchObject({ code: 'MODULE_LOAD', file: 'lib/broken.js', line: 2, column: 13 });
    expect(byPattern(result).has('/imports-broken')).toBe(true);
  });

  it('names a missing package', async () => {
    const result = await run('next-pages-errors');
    const missing = result.diagnostics.find((d) => d.file === 'pages/missing-package.jsx');
    expect(missing?.code).toBe('MODULE_LOAD');
    expect(missing?.message).toContain("Cannot find package 'no-such-package-zfb-next'");
    expect(byPattern(result).has('/missing-package')).toBe(true);
  });

  it('explains an import whose tsconfig/jsconfig path alias points at a file not generated yet', async () => {
    const result = await run('next-pages-errors');
    const generated = result.diagnostics.filter((d) => d.file === 'pages/generated.jsx');
    expect(generated.map((d) => d.code)).toEqual(['MODULE_LOAD']);
    expect(generated[0]!.message).toContain(`'contentlayer/generated' is mapped by jsconfig.json "paths" to ./.contentlayer/generated, which does not exist.`);
    expect(generated[0]!.message).toContain('`npx contentlayer2 build`');
    expect(generated[0]!.message).not.toContain('Cannot find package');
    // A static page keeps its URL: the build would prerender it once the module loads.
    expect(byPattern(result).get('/generated')!.entries.map((e) => e.url)).toEqual(['/generated']);
  });

  it('reports a throwing getStaticPaths with the route and the thrown message', async () => {
    const result = await run('next-pages-errors');
    expect(result.diagnostics.find((d) => d.code === 'GSP_THREW' && d.file === 'pages/gsp/throws/[id].jsx')).toEqual({
      severity: 'error',
      code: 'GSP_THREW',
      file: 'pages/gsp/throws/[id].jsx',
      function: 'getStaticPaths',
      message: 'getStaticPaths for /gsp/throws/[id] threw: database is down',
    });
    expect(byPattern(result).get('/gsp/throws/[id]')).toMatchObject({ entries: [], unmatched: 'not-found' });
  });

  it('says that MDX without @next/mdx settings is compiled by a loader it does not run', async () => {
    const result = await run('next-pages-errors');
    const mdx = result.diagnostics.filter((d) => d.message.includes('pages/with-mdx.jsx'));
    expect(mdx.map((d) => [d.code, d.file])).toEqual([['MODULE_LOAD', 'pages/with-mdx.jsx']]);
    expect(mdx[0]!.message).toContain('No loader is configured for ".mdx" files: content/intro.mdx. zfb-next compiles MDX with the @next/mdx options');
    expect(mdx[0]!.message).toContain('which zfb-next does not run');
  });

  it('keeps the fallback its source declares for a getStaticPaths that threw', async () => {
    const result = await run('next-pages-errors');
    expect(result.diagnostics.find((d) => d.file === 'pages/gsp/throws-blocking/[id].jsx')).toMatchObject({ code: 'GSP_THREW', message: 'getStaticPaths for /gsp/throws-blocking/[id] threw: fetch failed' });
    expect(byPattern(result).get('/gsp/throws-blocking/[id]')).toMatchObject({ entries: [], unmatched: 'blocking' });
  });

  it("gives each Next validation error its own code and Next's text", async () => {
    const result = await run('next-pages-errors');
    const of = (file: string) => result.diagnostics.find((d) => d.file === file);
    expect(of('pages/gsp/missing-param/[id].jsx')).toMatchObject({
      code: 'GSP_MISSING_PARAM',
      function: 'getStaticPaths',
      message: 'A required parameter (id) was not provided as a string received undefined in getStaticPaths for /gsp/missing-param/[id]',
    });
    expect(of('pages/gsp/extra-keys/[id].jsx')).toMatchObject({
      code: 'GSP_EXTRA_KEYS',
      message:
        'Extra keys returned from getStaticPaths in /gsp/extra-keys/[id] (revalidate) Expected: { paths: [], fallback: boolean }\nSee here for more info: https://nextjs.org/docs/messages/invalid-getstaticpaths-value',
    });
    expect(of('pages/gsp/no-match/[id].jsx')).toMatchObject({
      code: 'GSP_PATH_MISMATCH',
      message: 'The provided path `/elsewhere/1` does not match the page: `/gsp/no-match/[id]`.',
    });
    for (const page of ['/gsp/missing-param/[id]', '/gsp/extra-keys/[id]', '/gsp/no-match/[id]']) {
      expect(byPattern(result).get(page)).toMatchObject({ entries: [] });
    }
  });

  it('warns about dot-segment params and keeps the entry', async () => {
    const result = await run('next-pages-errors');
    const warning = result.diagnostics.find((d) => d.code === 'GSP_DOT_SEGMENT');
    expect(warning).toMatchObject({ severity: 'warning', file: 'pages/gsp/dots/[...rest].jsx', function: 'getStaticPaths' });
    expect(warning!.message).toContain('rest = ["a",".."]');
    expect(warning!.message).toContain('URL /gsp/dots/a/..');
    expect(byPattern(result).get('/gsp/dots/[...rest]')!.entries.map((e) => e.url)).toEqual(['/gsp/dots/a/..', '/gsp/dots/ok']);
  });

  it("reports the build's pre-checks with their exact texts", async () => {
    const result = await run('next-pages-errors');
    const of = (file: string) => result.diagnostics.find((d) => d.file === file);
    expect(of('pages/precheck/gip-gsp.jsx')).toMatchObject({
      code: 'PAGES_GIP_SSG_CONFLICT',
      message: 'You can not use getInitialProps with getStaticProps. To use SSG, please remove your getInitialProps',
    });
    expect(of('pages/precheck/gsp-gssp.jsx')).toMatchObject({
      code: 'PAGES_SSG_SSR_CONFLICT',
      message: 'You can not use getStaticProps or getStaticPaths with getServerSideProps. To use SSG, please remove getServerSideProps',
    });
    expect(of('pages/precheck/static-with-paths.jsx')).toMatchObject({
      code: 'GSP_NON_DYNAMIC',
      message: "getStaticPaths can only be used with dynamic pages, not '/precheck/static-with-paths'.\nLearn more: https://nextjs.org/docs/routing/dynamic-routes",
    });
    expect(of('pages/precheck/[needs-paths].jsx')).toMatchObject({
      code: 'GSP_REQUIRED',
      message:
        "getStaticPaths is required for dynamic SSG pages and is missing for '/precheck/[needs-paths]'.\nRead more: https://nextjs.org/docs/messages/invalid-getstaticpaths-value",
    });
    expect(of('pages/precheck/only-paths/[id].jsx')).toMatchObject({
      code: 'GSP_WITHOUT_GSP',
      message: 'getStaticPaths was added without a getStaticProps in /precheck/only-paths/[id]. Without getStaticProps, getStaticPaths does nothing',
    });
    expect(of('pages/precheck/no-default.jsx')).toMatchObject({
      code: 'PAGES_NO_DEFAULT_EXPORT',
      message:
        'Build optimization failed: found page without a React Component as default export in \npages/precheck/no-default\n\nSee https://nextjs.org/docs/messages/page-without-valid-component for more info.\n',
    });
    const routes = byPattern(result);
    for (const page of ['/precheck/no-default', '/precheck/gip-gsp', '/precheck/gsp-gssp', '/precheck/static-with-paths', '/precheck/[needs-paths]', '/precheck/only-paths/[id]']) {
      expect(routes.get(page), page).toMatchObject({ entries: [] });
    }
  });
});

describe('nextPagesSource: which files are pages', () => {
  it('uses pageExtensions, skips engine pages and keeps API routes apart', async () => {
    const result = await run('next-pages-extensions');
    expect(result.diagnostics).toEqual([]);
    expect(result.routes.map((r) => [r.pattern, r.kind, r.file]).sort()).toEqual([
      ['/', 'page', 'pages/index.page.jsx'],
      ['/api/[name]', 'api', 'pages/api/[name].page.ts'],
      ['/blog/[slug]', 'page', 'pages/blog/[slug].page.jsx'],
      ['/shell/[id]', 'page', 'pages/shell/[id].page.jsx'],
    ]);
    // A real build lists this page only in pages-manifest, as `/shell/[id]` -> `pages/shell/[id].html`:
    // one shell serves every /shell/* URL.
    expect(byPattern(result).get('/shell/[id]')).toMatchObject({ entries: [], unmatched: 'fallback', providers: [] });
    expect(byPattern(result).get('/blog/[slug]')!.entries.map((e) => e.url)).toEqual(['/blog/first', '/blog/second']);
  });

  it('finds no routes in a pages/ folder of markdown and CSS', async () => {
    expect(await run('next-pages-markdown')).toEqual({ routes: [], diagnostics: [] });
  });

  it("reports a route conflict with Next's message and the files involved", async () => {
    const result = await run('next-pages-conflict');
    // The real `next build` of this fixture fails with this message.
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'PAGES_ROUTE_CONFLICT',
        file: 'pages/[a]/x.jsx',
        message: "You cannot use different slug names for the same dynamic path ('b' !== 'a'). (pages router files: pages/[a]/x.jsx, pages/[b]/y.jsx)",
      },
    ]);
    expect(result.routes).toHaveLength(3);
  });

  it('treats every non-SSG page as server-rendered once _app has getInitialProps', async () => {
    const routes = byPattern(await run('next-pages-app-gip'));
    expect(routes.get('/about')).toMatchObject({ entries: [], unmatched: 'blocking' });
    expect(routes.get('/static')!.entries.map((e) => e.url)).toEqual(['/static']);
    expect(routes.has('/_app')).toBe(false);
  });
});

describe('nextPagesSource: mixed tree', () => {
  it('hands a zfb paths() page in the Next pages/ folder to the zfb front-end', async () => {
    const result = await run('next-pages-mixed');
    expect(result.diagnostics).toEqual([]);
    const routes = byPattern(result);
    expect(routes.get('/blog/[slug]')).toMatchObject({ origin: 'next-pages', entries: [{ url: '/blog/next-post' }] });
    const docs = routes.get('/docs/[slug]')!;
    expect(docs).toMatchObject({ origin: 'zfb', file: 'pages/docs/[slug].tsx', unmatched: 'not-found' });
    expect(docs.entries.map((e) => e.url)).toEqual(['/docs/one', '/docs/two']);
    expect(routes.get('/')).toMatchObject({ origin: 'next-pages', entries: [{ url: '/' }] });
  });
});
