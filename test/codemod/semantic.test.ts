import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { runCodemod } from '../../src/codemod/run.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { listFiles } from '../helpers/files.js';
import { copyFixture, nextBuild, readJson } from '../helpers/engines.js';
import { routeOrigins, routeSummary, type RouteSummary } from '../helpers/route-summary.js';

/**
 * pages-to-app and app-to-pages change no URL: for each fixture project the route model (URLs and what
 * happens to unlisted URLs) of the migrated copy equals the original's, with the real modules executed by
 * the model; pages → app → pages comes back with the same URLs; and the real `next build` of a migrated copy
 * prerenders exactly the URLs the model predicts. The codemods run through the CLI runner (copies live
 * inside the repository, whose tree other work keeps dirty, hence `force`).
 */

const AREA = 'codemod/semantic';


async function migrate(dir: string, name: string, target: string) {
  return runCodemod({ name, paths: [target], cwd: dir, force: true });
}

// /blog/draft is listed by getStaticPaths, but its getStaticProps returns notFound: next build writes no page.
const PAGES_ROUTES: RouteSummary[] = [
  { pattern: '/about', unmatched: 'not-found', urls: ['/about'] },
  { pattern: '/blog/[slug]', unmatched: 'not-found', urls: ['/blog/hello', '/blog/second-post'] },
  { pattern: '/docs/[[...slug]]', unmatched: 'not-found', urls: ['/docs', '/docs/guide', '/docs/guide/install'] },
  { pattern: '/shop/[category]/[item]', unmatched: 'blocking', urls: ['/shop/tools/hammer', '/shop/tools/saw', '/shop/toys/kite'] },
  { pattern: '/tags/[tag]', unmatched: 'not-found', urls: ['/tags/intro', '/tags/news'] },
];

// The same pages in the app router: there the listed /blog/draft, whose page calls notFound(), is prerendered
// as a not-found page (the real next build below writes it).
const PAGES_AS_APP_ROUTES: RouteSummary[] = PAGES_ROUTES.map((route) =>
  route.pattern === '/blog/[slug]' ? { ...route, urls: ['/blog/draft', ...route.urls] } : route,
);

const APP_ROUTES: RouteSummary[] = [
  { pattern: '/about', unmatched: 'not-found', urls: ['/about'] },
  {
    pattern: '/blog/[category]/[slug]',
    unmatched: 'not-found',
    urls: ['/blog/news/news-1', '/blog/news/news-2', '/blog/tech/tech-1', '/blog/tech/tech-2'],
  },
  { pattern: '/docs/[...slug]', unmatched: 'not-found', urls: ['/docs/api', '/docs/guide', '/docs/guide/install'] },
  { pattern: '/shop/[id]', unmatched: 'blocking', urls: ['/shop/1', '/shop/2'] },
];

describe('pages-to-app keeps every URL', () => {
  it('the input model is what the fixture says (the baseline is real)', async () => {
    const dir = copyFixture('codemod-next-pages', `${AREA}/input`);
    expect(routeSummary(await buildRouteModel(dir))).toEqual(PAGES_ROUTES);
  });

  it('the migrated project has the same routes, now served by generateStaticParams', async () => {
    const dir = copyFixture('codemod-next-pages', `${AREA}/app`);
    const result = await migrate(dir, 'pages-to-app', 'pages');
    expect(result.counts).toEqual({ changed: 5, unchanged: 0, skipped: 0, failed: 0, marked: 0 });
    expect(existsSync(path.join(dir, 'pages'))).toBe(true);
    expect(listFiles(path.join(dir, 'pages'))).toEqual([]);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(PAGES_AS_APP_ROUTES);
    expect(new Set(Object.values(routeOrigins(model)))).toEqual(new Set(['next-app']));
  });

  it('pages → app → pages comes back with the same URLs from getStaticPaths', async () => {
    const dir = copyFixture('codemod-next-pages', `${AREA}/round-trip`);
    await migrate(dir, 'pages-to-app', 'pages');
    const back = await migrate(dir, 'app-to-pages', 'app');
    expect(back.counts.changed).toBe(5);
    expect(back.counts.failed).toBe(0);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(PAGES_ROUTES);
    expect(new Set(Object.values(routeOrigins(model)))).toEqual(new Set(['next-pages']));
  });

  it('the real next build of the migrated project prerenders the URLs the model predicts', async () => {
    const dir = copyFixture('codemod-next-pages', `${AREA}/next-build`);
    await migrate(dir, 'pages-to-app', 'pages');
    await expectBuildAsModel(dir);
  });

  it('the real next build of the project taken back to pages prerenders the URLs the model predicts', async () => {
    const dir = copyFixture('codemod-next-pages', `${AREA}/round-trip-build`);
    await migrate(dir, 'pages-to-app', 'pages');
    await migrate(dir, 'app-to-pages', 'app');
    const manifest = await expectBuildAsModel(dir);
    // getStaticProps turned the notFound() next/navigation threw into its result, as the original did.
    expect(manifest.notFoundRoutes).toEqual(['/blog/draft']);
  });
});

/** next build succeeds and prerenders, for each route of the model, its URLs and its fallback. */
async function expectBuildAsModel(dir: string) {
  const model = await buildRouteModel(dir);
  const build = await nextBuild(dir);
  expect(build.stderr + build.stdout).not.toMatch(/Failed to collect page data|Build error occurred/);
  expect(build.code).toBe(0);
  const manifest = readJson<{
    routes: Record<string, { srcRoute: string | null; initialStatus?: number }>;
    dynamicRoutes: Record<string, { fallback: string | false | null }>;
    notFoundRoutes: string[];
  }>(path.join(dir, '.next', 'prerender-manifest.json'));
  // A URL whose getStaticProps returned notFound stays a key of `routes`, but no page was written for it.
  const written = Object.entries(manifest.routes).filter(([url]) => !manifest.notFoundRoutes.includes(url));
  for (const route of model.routes) {
    const built = written
      .filter(([url, r]) => (route.segments.length === 0 || route.pattern === '/about' ? url === route.pattern : r.srcRoute === route.pattern))
      .map(([url]) => url)
      .sort();
    expect({ pattern: route.pattern, urls: built }).toEqual({ pattern: route.pattern, urls: route.entries.map((e) => e.url).sort() });
    if (route.pattern !== '/about') {
      const fallback = manifest.dynamicRoutes[route.pattern]?.fallback;
      expect({ pattern: route.pattern, fallback }).toEqual({ pattern: route.pattern, fallback: route.unmatched === 'not-found' ? false : null });
    }
  }
  return manifest;
}

describe('app-to-pages flattens the layout cascade without losing a URL', () => {
  it('the input model is what the fixture says (the baseline is real)', async () => {
    const dir = copyFixture('codemod-next-app', `${AREA}/app-input`);
    expect(routeSummary(await buildRouteModel(dir))).toEqual(APP_ROUTES);
  });

  it('the migrated project has the same routes, now served by getStaticPaths', async () => {
    const dir = copyFixture('codemod-next-app', `${AREA}/pages`);
    const result = await migrate(dir, 'app-to-pages', 'app');
    expect(result.counts).toMatchObject({ changed: 4, skipped: 0, failed: 0, marked: 0 });
    expect(listFiles(path.join(dir, 'pages'))).toEqual(['about.tsx', 'blog/[category]/[slug].tsx', 'docs/[...slug].tsx', 'shop/[id].jsx']);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(APP_ROUTES);
    expect(new Set(Object.values(routeOrigins(model)))).toEqual(new Set(['next-pages']));
  });
});

describe('pages-to-app keeps the locales of paths it cannot read', () => {
  // A getStaticPaths re-exported from another module, and one returning paths computed by a helper: entries
  // with and without a locale, unwrapped at run time into the [locale] param.
  const URLS = ['/en/blog/hello', '/en/news/launch', '/fr/blog/bonjour', '/fr/news/lancement'];
  const urlsOf = (model: RouteModel) => model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();

  it('the migrated app/[locale] pages list the URLs the pages router built', async () => {
    const input = await buildRouteModel(copyFixture('codemod-pages-i18n-computed', `${AREA}/i18n-input`));
    expect(input.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(urlsOf(input)).toEqual(URLS);

    const dir = copyFixture('codemod-pages-i18n-computed', `${AREA}/i18n-app`);
    const result = await migrate(dir, 'pages-to-app', 'pages');
    expect(result.counts).toMatchObject({ changed: 2, skipped: 0, failed: 0 });
    // As the markers say, i18n leaves next.config: the app router has none.
    writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
    const model = await buildRouteModel(dir);
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.routes.map((r) => `${r.origin} ${r.pattern}`).sort()).toEqual(['next-app /[locale]/blog/[slug]', 'next-app /[locale]/news/[slug]']);
    expect(urlsOf(model)).toEqual(URLS);
  });
});
