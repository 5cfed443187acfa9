import path from 'node:path';
import type { RouteModel, Unmatched } from '../../src/model/types.js';
import { readJson } from './engines.js';

/** What a real `next build` recorded, read from `.next/`: the oracle of the conformance tests. */

// Pages Next.js adds on its own (not user routes): error pages, in every locale.
const ENGINE_PAGE = /^(\/[^/]+)?\/(_not-found|_global-error|_error|404|500)$/;

interface PrerenderManifest {
  routes: Record<string, { srcRoute: string | null }>;
  dynamicRoutes: Record<string, { fallback: string | false | null }>;
}

/** Every URL the build wrote ahead of time: prerendered routes plus automatically static pages. */
export function staticUrls(dir: string): string[] {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  const pages = readJson<Record<string, string>>(path.join(dir, '.next/server/pages-manifest.json'));
  const urls = new Set(Object.keys(prerender.routes));
  for (const [url, file] of Object.entries(pages)) if (file.endsWith('.html')) urls.add(url);
  return [...urls].filter((u) => !ENGINE_PAGE.test(u) && u !== '/_app' && u !== '/_document').sort();
}

/** Each dynamic route's fallback mode, as the prerender manifest records it. */
export function fallbackModes(dir: string): Record<string, Unmatched> {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  return Object.fromEntries(
    Object.entries(prerender.dynamicRoutes).map(([page, r]) => [page, r.fallback === false ? 'not-found' : r.fallback === null ? 'blocking' : 'fallback']),
  );
}

export function modelUrls(model: RouteModel): string[] {
  return model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();
}

/** The model's dynamic routes that Next records in the prerender manifest: all but the fully dynamic ones. */
export function modelFallbackModes(model: RouteModel): Record<string, Unmatched> {
  const fullyDynamic = new Set(model.diagnostics.filter((d) => d.code === 'APP_FULLY_DYNAMIC').map((d) => d.file));
  return Object.fromEntries(
    model.routes
      .filter((r) => r.kind !== 'api' && r.segments.some((s) => s.kind !== 'static') && !fullyDynamic.has(r.file))
      .map((r) => [r.pattern, r.unmatched]),
  );
}
