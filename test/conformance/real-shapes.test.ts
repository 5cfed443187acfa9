import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RouteModel, Unmatched } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { copyFixture, nextBuild, readJson } from '../helpers/engines.js';

/**
 * Shapes found in public real-world Next.js projects that the loader or the model got wrong, each reduced to
 * a fixture of our own (the packages under `_packages/` are stand-ins written for these tests). The model
 * must list exactly what the real `next build` prerendered, with the fallback mode it records.
 */
describe.each([
  { name: 'real-shapes-app', args: [] },
  // webpack's inline loader requests need webpack: Next 15's default, `next build --webpack` in Next 16.
  { name: 'real-shapes-webpack', args: ['--webpack'] },
])('$name built by next build $args', ({ name, args }) => {
  let dir: string;
  let model: RouteModel;

  beforeAll(async () => {
    dir = copyFixture(name, 'conformance-real');
    installFixturePackages(dir);
    const build = await nextBuild(dir, args);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    model = await buildRouteModel(dir, { userOutput: devNull() });
  });

  test('the model loads every module and lists exactly the URLs Next.js prerenders', () => {
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(modelUrls(model)).toEqual(staticUrls(dir));
  });

  test('every dynamic route has the fallback mode Next.js records', () => {
    expect(modelFallbackModes(model)).toEqual(fallbackModes(dir));
  });
});

/** The fixture's stand-in packages, copied into its own node_modules (next and react come from ours). */
function installFixturePackages(dir: string): void {
  const packages = path.join(dir, '_packages');
  if (!existsSync(packages)) return;
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(packages)) {
    if (!entry.endsWith('.md')) cpSync(path.join(packages, entry), path.join(dir, 'node_modules', entry), { recursive: true });
  }
}

// Pages Next.js adds on its own (not user routes): error pages, in every locale.
const ENGINE_PAGE = /^(\/[^/]+)?\/(_not-found|_global-error|_error|404|500)$/;

interface PrerenderManifest {
  routes: Record<string, unknown>;
  dynamicRoutes: Record<string, { fallback: string | false | null }>;
}

/** Every URL the build wrote ahead of time: prerendered routes plus automatically static pages. */
function staticUrls(dir: string): string[] {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  const pagesManifest = path.join(dir, '.next/server/pages-manifest.json');
  const pages = existsSync(pagesManifest) ? readJson<Record<string, string>>(pagesManifest) : {};
  const urls = new Set(Object.keys(prerender.routes));
  for (const [url, file] of Object.entries(pages)) if (file.endsWith('.html')) urls.add(url);
  return [...urls].filter((u) => !ENGINE_PAGE.test(u) && u !== '/_app' && u !== '/_document').sort();
}

function fallbackModes(dir: string): Record<string, Unmatched> {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  return Object.fromEntries(
    Object.entries(prerender.dynamicRoutes).map(([page, r]) => [page, r.fallback === false ? 'not-found' : r.fallback === null ? 'blocking' : 'fallback']),
  );
}

function modelUrls(model: RouteModel): string[] {
  return model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();
}

/** The model's dynamic routes that Next records in the prerender manifest: all but the fully dynamic ones. */
function modelFallbackModes(model: RouteModel): Record<string, Unmatched> {
  const fullyDynamic = new Set(model.diagnostics.filter((d) => d.code === 'APP_FULLY_DYNAMIC').map((d) => d.file));
  return Object.fromEntries(
    model.routes
      .filter((r) => r.kind !== 'api' && r.segments.some((s) => s.kind !== 'static') && !fullyDynamic.has(r.file))
      .map((r) => [r.pattern, r.unmatched]),
  );
}

function devNull(): Writable {
  return { write: () => true } as unknown as Writable;
}
