import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RouteModel, Unmatched } from '../../src/model/types.js';
import { readJson } from './engines.js';

/**
 * What a real `next build` says about URLs, read from the manifests it writes (reference
 * next-static-paths.md §5), in the model's terms. Used by every test that compares the model with a build.
 */

// Pages Next.js adds on its own (not user routes): error pages, in every locale.
const ENGINE_PAGE = /^(\/[^/]+)?\/(_not-found|_global-error|_error|404|500)$/;
const INTERCEPTION_MARKER = /\/\((\.{1,3}|\.\.\)\(\.\.)\)/;

interface PrerenderManifest {
  routes: Record<string, { srcRoute: string | null }>;
  dynamicRoutes: Record<string, { fallback: string | false | null; fallbackSourceRoute?: string }>;
  notFoundRoutes?: string[];
}

export interface NextBuildRoutes {
  /** Every URL written ahead of time: prerendered routes (less notFound ones) plus automatically static pages, sorted. */
  urls: string[];
  /** The same URLs by the route (page pattern) that wrote them; with i18n, every locale's under one route. */
  urlsByRoute: Record<string, string[]>;
  /** prerender-manifest `dynamicRoutes`: per dynamic page, what an unlisted URL gets. */
  dynamic: Record<string, Unmatched>;
  /** Pages-router dynamic pages with no data function: one prerendered shell serves every URL (locale removed). */
  shells: string[];
  /** Intercepting app routes the build prerendered or recorded (rewrite targets, not URLs). */
  intercepting: string[];
  /**
   * Cache Components: shells with some params filled in (`/params/one/[high]`), each of its source
   * route (`fallbackSourceRoute`), which is in `dynamic` itself.
   */
  partialShells: Record<string, string>;
}

function isIntercepting(route: string | null): boolean {
  return route !== null && INTERCEPTION_MARKER.test(route);
}

/** lib/fallback.ts `parseFallbackField`, read as the model's `unmatched`. */
export function unmatchedOf(fallback: string | false | null): Unmatched {
  return fallback === false ? 'not-found' : fallback === null ? 'blocking' : 'fallback';
}

export function readNextBuild(dir: string): NextBuildRoutes {
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next/prerender-manifest.json'));
  const pagesManifestFile = path.join(dir, '.next/server/pages-manifest.json');
  const pages = existsSync(pagesManifestFile) ? readJson<Record<string, string>>(pagesManifestFile) : {};
  const routesManifest = readJson<{ i18n?: { locales: string[] } }>(path.join(dir, '.next/routes-manifest.json'));
  const locales = new Set(routesManifest.i18n?.locales ?? []);
  // `/fr/about` → `/about`, `/fr` → `/`: the page behind a locale-prefixed key.
  const withoutLocale = (key: string): string => {
    const [, first, ...rest] = key.split('/');
    return first !== undefined && locales.has(first) ? `/${rest.join('/')}` : key;
  };
  const intercepting = new Set<string>();
  const byRoute = new Map<string, Set<string>>();
  const add = (url: string, route: string): void => {
    if (ENGINE_PAGE.test(url) || url === '/_app' || url === '/_document') return;
    byRoute.set(route, (byRoute.get(route) ?? new Set()).add(url));
  };
  // getStaticProps answered notFound: the key stays in `routes`, but no page is written.
  const notFound = new Set(prerender.notFoundRoutes ?? []);
  for (const [url, route] of Object.entries(prerender.routes)) {
    if (notFound.has(url)) continue;
    if (isIntercepting(route.srcRoute) || isIntercepting(url)) intercepting.add(route.srcRoute ?? url);
    else add(url, route.srcRoute ?? withoutLocale(url));
  }
  const shells = new Set<string>();
  for (const [page, file] of Object.entries(pages)) {
    if (!file.endsWith('.html')) continue;
    // A dynamic page's `.html` is its shell (with i18n, one per locale: `/en/shell/[id]`).
    if (page.includes('[')) shells.add(withoutLocale(page));
    else add(page, withoutLocale(page));
  }
  const dynamic: Record<string, Unmatched> = {};
  const partialShells: Record<string, string> = {};
  for (const [page, route] of Object.entries(prerender.dynamicRoutes)) {
    if (isIntercepting(page)) intercepting.add(page);
    else if (route.fallbackSourceRoute !== undefined && route.fallbackSourceRoute !== page) partialShells[page] = route.fallbackSourceRoute;
    else dynamic[page] = unmatchedOf(route.fallback);
  }
  const urlsByRoute = Object.fromEntries([...byRoute].map(([route, urls]) => [route, [...urls].sort()]));
  return {
    urls: Object.values(urlsByRoute).flat().sort(),
    urlsByRoute,
    dynamic,
    shells: [...shells].sort(),
    intercepting: [...intercepting].sort(),
    partialShells,
  };
}

export function modelUrls(model: RouteModel): string[] {
  return model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();
}

/**
 * The model's per-route view in the build's terms: the dynamic routes the build records in
 * `dynamicRoutes`, with their `unmatched`. Routes the build leaves out are the fully dynamic app routes
 * (APP_FULLY_DYNAMIC, `ƒ`), pages-router shells and server-rendered pages, and API routes.
 */
export function modelDynamicRoutes(model: RouteModel): Record<string, Unmatched> {
  const fullyDynamic = new Set(model.diagnostics.filter((d) => d.code === 'APP_FULLY_DYNAMIC').map((d) => d.file));
  const recorded: Record<string, Unmatched> = {};
  for (const route of model.routes) {
    if (route.kind === 'api' || !route.segments.some((s) => s.kind !== 'static') || fullyDynamic.has(route.file)) continue;
    // Pages-router pages without getStaticPaths: a shell (`fallback`) or rendered per request (`blocking`).
    if (route.origin === 'next-pages' && !route.providers.some((p) => p.function === 'getStaticPaths')) continue;
    recorded[route.pattern] = route.unmatched;
  }
  return recorded;
}

/** The intercepting routes the model reports (and leaves out of its routes). */
export function modelIntercepting(model: RouteModel): string[] {
  return model.diagnostics
    .filter((d) => d.code === 'APP_INTERCEPTING_ROUTE')
    .map((d) => d.message.slice(0, d.message.indexOf(' ')))
    .sort();
}

/** Pages-router dynamic pages the model serves with one shell (no data function). */
export function modelShells(model: RouteModel): string[] {
  return model.routes
    .filter((r) => r.origin === 'next-pages' && r.kind === 'page' && r.unmatched === 'fallback' && r.providers.length === 0)
    .map((r) => r.pattern)
    .sort();
}
