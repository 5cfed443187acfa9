import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { runDiff } from '../../src/report/run-diff.js';
import { FIXTURES as FIXTURES_DIR, REPO_ROOT } from '../helpers/engines.js';
import { builtFixture } from '../helpers/ground-truth.js';
import { modelDynamicRoutes, modelIntercepting, modelUrls, readNextBuild, type NextBuildRoutes } from '../helpers/next-manifests.js';

/**
 * The model against a real `next build` of each fixture: the URLs Next.js writes statically, and the
 * fallback mode of every dynamic route it records. Exact set equality; nothing hand-written.
 */
const FIXTURES = ['next-pages-i18n', 'next-app-cascade', 'next-app-export', 'next-pages-env', 'next-pages-not-found-i18n'];

describe.each(FIXTURES)('%s built by next build', (name) => {
  let dir: string;
  let model: RouteModel;
  let build: NextBuildRoutes;

  beforeAll(async () => {
    model = await buildRouteModel(path.join(FIXTURES_DIR, name));
    dir = (await builtFixture(name)).dir;
    build = readNextBuild(dir);
  });

  test('the model lists exactly the URLs Next.js prerenders', () => {
    expect(modelUrls(model)).toEqual(build.urls);
  });

  test('every dynamic route has the fallback mode Next.js records', () => {
    expect(Object.keys(build.dynamic).length).toBeGreaterThan(0);
    // The dynamic routes Next.js leaves out of the manifest (fully dynamic, `ƒ`) are exactly those the
    // model flags as such, and those answer every URL on request.
    expect(modelDynamicRoutes(model)).toEqual(build.dynamic);
    const fullyDynamic = new Set(model.diagnostics.filter((d) => d.code === 'APP_FULLY_DYNAMIC').map((d) => d.file));
    for (const route of model.routes.filter((r) => fullyDynamic.has(r.file) && r.segments.some((s) => s.kind !== 'static'))) {
      expect({ pattern: route.pattern, unmatched: route.unmatched }).toEqual({ pattern: route.pattern, unmatched: 'blocking' });
    }
  });

  test('intercepting routes are reported, not listed', () => {
    for (const route of build.intercepting) expect(modelIntercepting(model)).toContain(route);
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
