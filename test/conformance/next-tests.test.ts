import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Route, RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { FIXTURES, REPO_ROOT } from '../helpers/engines.js';
import { builtFixture } from '../helpers/ground-truth.js';
import {
  modelDynamicRoutes,
  modelIntercepting,
  modelShells,
  modelUrls,
  readNextBuild,
  type NextBuildRoutes,
} from '../helpers/next-manifests.js';
import { ROWS, type Row } from './next-tests.rows.js';

/**
 * Next.js's own static-paths tests, reproduced by our fixtures: each fixture is built once by the real
 * `next build` (shared with every test file of the run) and the model of it must agree with the build
 * exactly; each row of next-tests.rows.ts (the table in test/README.md) then checks the behaviour
 * Next's test asserts, on the build and on the model.
 */

const FIXTURE_NAMES = [...new Set(ROWS.map((r) => r.fixture))];
const loaded = new Map<string, { model: RouteModel; build: NextBuildRoutes }>();

beforeAll(async () => {
  // One after the other: a build already uses every core.
  for (const name of FIXTURE_NAMES) {
    const built = await builtFixture(name);
    loaded.set(name, { model: await buildRouteModel(path.join(FIXTURES, name)), build: readNextBuild(built.dir) });
  }
});

describe.each(FIXTURE_NAMES)('fixtures/%s against its next build', (name) => {
  test('the model lists exactly the URLs the build prerenders', () => {
    const { model, build } = loaded.get(name)!;
    expect(modelUrls(model)).toEqual(build.urls);
  });

  test('every route the build records has its fallback mode; the rest are rendered on request', () => {
    const { model, build } = loaded.get(name)!;
    expect(modelDynamicRoutes(model)).toEqual(build.dynamic);
    for (const [shell, source] of Object.entries(build.partialShells)) expect([shell, build.dynamic[source]]).toEqual([shell, 'fallback']);
  });

  test('shells and intercepting routes are the same on both sides', () => {
    const { model, build } = loaded.get(name)!;
    expect(modelShells(model)).toEqual(build.shells);
    for (const route of build.intercepting) expect(modelIntercepting(model)).toContain(route);
  });

  test('no error diagnostics', () => {
    expect(loaded.get(name)!.model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

function routeOf(model: RouteModel, pattern: string): Route {
  const route = model.routes.find((r) => r.pattern === pattern);
  expect(route, `the model has no route ${pattern}`).toBeDefined();
  return route!;
}

describe.each(ROWS)('$id $next', (row: Row) => {
  test(row.assertion, () => {
    const { model, build } = loaded.get(row.fixture)!;
    if (row.unlisted === 'intercepting') {
      expect(model.routes.some((r) => r.pattern === row.route)).toBe(false);
      expect(modelIntercepting(model)).toContain(row.route);
      expect(build.urlsByRoute[row.route]).toBeUndefined();
      expect(build.dynamic[row.route]).toBeUndefined();
      return;
    }
    const route = routeOf(model, row.route);
    if (row.urls) {
      const expected = [...row.urls].sort();
      expect(build.urlsByRoute[row.route] ?? [], 'next build').toEqual(expected);
      expect(route.entries.map((e) => e.url).sort(), 'model').toEqual(expected);
    }
    switch (row.unlisted) {
      case undefined:
        break;
      case 'on-request':
        expect(build.dynamic[row.route], 'next build').toBeUndefined();
        expect(build.shells).not.toContain(row.route);
        expect(route.unmatched).toBe('blocking');
        // One diagnostic for one cause (issue: GSP_APP_INCOMPLETE beside APP_FULLY_DYNAMIC).
        if (route.origin === 'next-app') {
          const about = model.diagnostics.filter((d) => d.file === route.file || d.message.includes(`${route.pattern} `));
          expect(about.map((d) => d.code)).toEqual(['APP_FULLY_DYNAMIC']);
        }
        break;
      case 'shell':
        expect(build.shells, 'next build').toContain(row.route);
        expect(route.unmatched).toBe('fallback');
        break;
      default:
        expect(build.dynamic[row.route], 'next build').toBe(row.unlisted);
        expect(route.unmatched, 'model').toBe(row.unlisted);
    }
  });
});

test('test/README.md lists every row, and nothing else, in its conformance table', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'test/README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Conformance with Next.js\'s own tests'));
  const listed = [...section.matchAll(/^\| ([A-Z]\d\d) \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
  expect(listed).toEqual(ROWS.map((r) => [r.id, r.next]));
  expect(ROWS.length).toBeGreaterThanOrEqual(40);
});
