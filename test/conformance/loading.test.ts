import { beforeAll, describe, expect, test } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { copyFixture, nextBuild } from '../helpers/engines.js';
import { installFixturePackages } from '../helpers/fixture-packages.js';
import { modelDynamicRoutes, modelUrls, readNextBuild } from '../helpers/next-manifests.js';

/**
 * The loading classes real projects tripped over, each in a fixture that the real `next build` accepts:
 * CommonJS next.config with require() and a plugin, require('fs') in pages, JSX in .js and .mjs, packages
 * Node's own loader refuses but Next's compiled server code loads (CommonJS names a static scan cannot see,
 * extensionless subpaths, directory imports, JSON), transpilePackages, nested dependencies, next/* from
 * inside a package, a tsconfig path to a folder with index.mjs, next/font and next/dynamic at module scope
 * (pages router); an ES module config with @next/mdx and a remark plugin, MDX pages and imports, a package
 * only a bundler can load, serverExternalPackages, client components, and pages that use request-time APIs
 * (app router). The model must list exactly what the build prerendered.
 */
describe.each(['load-pages-router', 'load-app-router'])('%s built by next build', (name) => {
  let dir: string;
  let model: RouteModel;

  beforeAll(async () => {
    dir = copyFixture(name, 'conformance');
    installFixturePackages(dir);
    const build = await nextBuild(dir);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    model = await buildRouteModel(dir, { userOutput: devNull() });
  });

  test('the model loads every module and lists exactly the URLs Next.js prerenders', () => {
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(modelUrls(model)).toEqual(readNextBuild(dir).urls);
  });

  test('every dynamic route has the fallback mode Next.js records', () => {
    expect(modelDynamicRoutes(model)).toEqual(readNextBuild(dir).dynamic);
  });
});

function devNull() {
  return { write: () => true } as unknown as NodeJS.WritableStream & import('node:stream').Writable;
}
