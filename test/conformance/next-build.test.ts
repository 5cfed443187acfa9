import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RouteModel, Unmatched } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { runDiff } from '../../src/report/run-diff.js';
import { copyFixture, FIXTURES as FIXTURES_DIR, nextBuild, readJson, REPO_ROOT } from '../helpers/engines.js';

/**
 * The model against a real `next build` of each fixture: the URLs Next.js writes statically, and the
 * fallback mode of every dynamic route it records. Exact set equality; nothing hand-written.
 */
const FIXTURES = ['next-pages-i18n', 'next-app-cascade', 'next-app-export', 'next-pages-env', 'next-pages-not-found-i18n'];

// Pages Next.js adds on its own (not user routes): error pages, in every locale.
const ENGINE_PAGE = /^(\/[^/]+)?\/(_not-found|_global-error|_error|404|500)$/;

interface PrerenderManifest {
  routes: Record<string, { srcRoute: string | null }>;
  dynamicRoutes: Record<string, { fallback: string | false | null }>;
  notFoundRoutes: string[];
}

/**
 * Every URL the build wrote ahead of time: prerendered routes plus automatically static pages, less the
 * URLs whose getStaticProps answered notFound (they stay keys of `routes`, but no page is written).
 */
function staticUrls(dir: string): string[] {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  const pages = readJson<Record<string, string>>(path.join(dir, '.next/server/pages-manifest.json'));
  const urls = new Set(Object.keys(prerender.routes).filter((url) => !prerender.notFoundRoutes.includes(url)));
  for (const [url, file] of Object.entries(pages)) if (file.endsWith('.html')) urls.add(url);
  return [...urls].filter((u) => !ENGINE_PAGE.test(u) && u !== '/_app' && u !== '/_document').sort();
}

function fallbackModes(dir: string): Record<string, Unmatched> {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  return Object.fromEntries(
    Object.entries(prerender.dynamicRoutes).map(([page, r]) => [
      page,
      r.fallback === false ? 'not-found' : r.fallback === null ? 'blocking' : 'fallback',
    ]),
  );
}

function modelUrls(model: RouteModel): string[] {
  return model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();
}

describe.each(FIXTURES)('%s built by next build', (name) => {
  let dir: string;
  let model: RouteModel;

  beforeAll(async () => {
    dir = copyFixture(name, 'conformance');
    model = await buildRouteModel(dir);
    const build = await nextBuild(dir);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  test('the model lists exactly the URLs Next.js prerenders', () => {
    expect(modelUrls(model)).toEqual(staticUrls(dir));
  });

  test('every dynamic route has the fallback mode Next.js records', () => {
    const modes = fallbackModes(dir);
    expect(Object.keys(modes).length).toBeGreaterThan(0);
    // The dynamic routes Next.js leaves out of the manifest (fully dynamic, `ƒ`) are exactly those the
    // model flags as such.
    const fullyDynamic = new Set(model.diagnostics.filter((d) => d.code === 'APP_FULLY_DYNAMIC').map((d) => d.file));
    const recorded = model.routes
      .filter((r) => r.kind !== 'api' && r.segments.some((s) => s.kind !== 'static') && !fullyDynamic.has(r.file))
      .map((r) => r.pattern);
    expect([...new Set(recorded)].sort()).toEqual(Object.keys(modes).sort());
    for (const [page, mode] of Object.entries(modes)) {
      const route = model.routes.find((r) => r.pattern === page);
      expect(route, `no route ${page} in the model`).toBeDefined();
      expect({ page, unmatched: route!.unmatched }).toEqual({ page, unmatched: mode });
    }
  });

  test('the fixture builds without error diagnostics', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('zfb-next diff of the project against its own build: no URL added or removed', async () => {
    const result = await runDiff({ base: path.relative(REPO_ROOT, dir), head: path.relative(REPO_ROOT, path.join(dir, '.next')), format: 'json', cwd: REPO_ROOT, env: {} });
    expect({ added: result.report!.added.map((a) => a.url), removed: result.report!.removed.map((r) => r.url) }).toEqual({ added: [], removed: [] });
    expect(result.report!.base.urls).toBe(result.report!.head.urls);
  });
});

test('.env files load as in next build, and user code runs with the project root as cwd', async () => {
  const model = await buildRouteModel(path.join(FIXTURES_DIR, 'next-pages-env'));
  expect(model.routes.find((r) => r.pattern === '/env/[slug]')?.entries.map((e) => e.url)).toEqual([
    '/env/from-dotenv-production',
    '/env/shared-production',
    '/env/from-cwd-file',
  ]);
  // Nothing leaks into the environment of whoever computed the model.
  expect(process.env.SLUGS).toBeUndefined();
});
