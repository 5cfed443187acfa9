import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RouteModel, Unmatched } from '../../src/model/types.js';
import { runDiff } from '../../src/report/run-diff.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { copyFixture, nextBuild, readJson, REPO_ROOT } from '../helpers/engines.js';

/**
 * Metadata routes (robots, sitemap, manifest, favicon, icons, Open Graph and Twitter images) against real
 * `next build`s: the URLs the model lists are exactly those the build prerendered, every route the build
 * made (app-path-routes-manifest.json, prerendered or not) is a route of the model, and the fallback of
 * every dynamic one is the one the prerender manifest records. Then `zfb-next diff` between the project
 * and its own build (and export tree) finds the same URLs, files and providers on both sides.
 *
 * - load-app-router: robots.ts, sitemap.ts, manifest.ts, opengraph-image.tsx, icon.png, apple-icon.png,
 *   and an opengraph-image.tsx with its own generateStaticParams below /blog/[slug];
 * - next-app-metadata: static robots.txt, sitemap.xml, manifest.json, favicon.ico, numbered icons (icon1.png,
 *   icon2.tsx, icon10.png), generateSitemaps, generateImageMetadata (also below a dynamic segment), files
 *   in a route group and a parallel slot (hash suffixes, one five characters long), a static file below a
 *   dynamic segment (placeholder URL) and one in a group there, an image with no generateStaticParams below
 *   a layout that has one, headers() and force-dynamic;
 * - next-app-metadata-export: the same kinds under `output: 'export'`.
 */
const FIXTURES = ['load-app-router', 'next-app-metadata', 'next-app-metadata-export'];

// Pages Next.js adds on its own.
const ENGINE_PAGE = /^\/(_not-found|_global-error)$/;

interface PrerenderManifest {
  routes: Record<string, unknown>;
  dynamicRoutes: Record<string, { fallback: string | false | null }>;
}

function manifests(dir: string): { prerender: PrerenderManifest; appPathRoutes: Record<string, string> } {
  return {
    prerender: readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json')),
    appPathRoutes: readJson<Record<string, string>>(path.join(dir, '.next/app-path-routes-manifest.json')),
  };
}

/** The fixture's stand-in packages (`_packages/`) go into the copy's node_modules, as an install would put them. */
function installFixturePackages(dir: string): void {
  const packages = path.join(dir, '_packages');
  if (!existsSync(packages)) return;
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(packages)) cpSync(path.join(packages, name), path.join(dir, 'node_modules', name), { recursive: true });
}

/** The model's dynamic routes that the prerender manifest records: not the fully dynamic ones, nor a file at a placeholder URL. */
function recordedFallbacks(model: RouteModel): Record<string, Unmatched> {
  const unrecorded = new Set(model.diagnostics.filter((d) => d.code === 'APP_FULLY_DYNAMIC' || d.code === 'APP_METADATA_PLACEHOLDER').map((d) => d.file));
  return Object.fromEntries(
    model.routes.filter((r) => r.segments.some((s) => s.kind !== 'static') && !unrecorded.has(r.file)).map((r) => [r.pattern, r.unmatched]),
  );
}

describe.each(FIXTURES)('%s built by next build', (name) => {
  let dir: string;
  let model: RouteModel;

  beforeAll(async () => {
    dir = copyFixture(name, 'metadata');
    installFixturePackages(dir);
    model = await buildRouteModel(dir);
    const build = await nextBuild(dir);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  test('the model lists exactly the URLs Next.js prerenders', () => {
    const { prerender } = manifests(dir);
    const built = Object.keys(prerender.routes).filter((url) => !ENGINE_PAGE.test(url)).sort();
    expect(model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort()).toEqual(built);
    expect(built.filter((url) => /(robots\.txt|sitemap.*\.xml|manifest|icon|-image)/.test(url)).length).toBeGreaterThanOrEqual(7);
  });

  test('every route the build made is a route of the model, metadata routes as app route handlers', () => {
    const { appPathRoutes } = manifests(dir);
    const built = [...new Set(Object.values(appPathRoutes))].filter((route) => !ENGINE_PAGE.test(route)).sort();
    expect(model.routes.map((r) => r.pattern).sort()).toEqual(built);
    for (const [appPath, route] of Object.entries(appPathRoutes)) {
      if (!appPath.endsWith('/route')) continue;
      expect(model.routes.find((r) => r.pattern === route)).toMatchObject({ kind: 'route-handler', origin: 'next-app' });
    }
  });

  test('every dynamic route has the fallback mode Next.js records', () => {
    const { prerender } = manifests(dir);
    const modes = Object.fromEntries(
      Object.entries(prerender.dynamicRoutes).map(([page, r]) => [page, r.fallback === false ? 'not-found' : r.fallback === null ? 'blocking' : 'fallback']),
    );
    expect(recordedFallbacks(model)).toEqual(modes);
  });

  test('the fixture builds without error diagnostics', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('zfb-next diff finds the project and its build alike: same URLs, source files and providers', async () => {
    const result = await runDiff({ base: dir, head: path.join(dir, '.next'), format: 'json', cwd: REPO_ROOT, env: {} });
    const report = result.report!;
    expect([report.added, report.removed, report.routeChanges]).toEqual([[], [], []]);
    expect(report.counts.unchanged).toBeGreaterThan(10);
    expect(result.exitCode).toBe(0);
  });

  test("an export tree (output: 'export') lacks exactly the URLs the model warns it loses", async () => {
    const out = path.join(dir, 'out');
    const lost = model.diagnostics.filter((d) => d.severity === 'warning' && d.code === 'APP_METADATA_NOT_PRERENDERED').map((d) => d.file);
    if (!existsSync(out)) {
      expect(lost).toEqual([]);
      return;
    }
    const report = (await runDiff({ base: dir, head: out, format: 'json', cwd: REPO_ROOT, env: {} })).report!;
    expect(report.head.kind).toBe('next-export');
    expect(lost.length).toBeGreaterThan(0);
    expect(report.removed.map((r) => r.base.file)).toEqual(lost);
    expect([report.added, report.routeChanges]).toEqual([[], []]);
  });
});
