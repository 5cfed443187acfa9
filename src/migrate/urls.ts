import type { Route, RouteModel } from '../model/types.js';
import { canonicalUrl, compareCodeUnits, isSiteUrl } from '../report/canonical-url.js';
import type { LostUrl, RouteReport, UrlSets } from './types.js';

/**
 * The URLs before and after, in the canonical form `zfb-next diff` compares (report/canonical-url.ts):
 * `before` from the route model of the Next.js project, `after` the URLs of the routes that were migrated
 * (their zfb pages list exactly those URLs: the next-data plugin runs the same data functions). Every URL of
 * `before` that `after` lacks is in `lost`, with the reason its route gave.
 */
export function urlSets(model: RouteModel, routes: readonly RouteReport[]): UrlSets {
  const byFile = new Map(routes.map((report) => [report.source[0], report]));
  const before = new Set<string>();
  const after = new Set<string>();
  const reasons = new Map<string, string>();
  for (const route of model.routes) {
    const report = byFile.get(route.file);
    for (const url of siteUrls(route)) {
      if (!isSiteUrl(url)) continue;
      before.add(url);
      if (report && report.target.length > 0) after.add(url);
      else reasons.set(url, report?.errors[0] ?? `${route.file} was not migrated`);
    }
  }
  const lost: LostUrl[] = [...before].filter((url) => !after.has(url)).sort(compareCodeUnits).map((url) => ({ url, reason: reasons.get(url) ?? 'not built by the zfb project' }));
  return { before: [...before].sort(compareCodeUnits), after: [...after].sort(compareCodeUnits), afterFrom: 'plan', lost };
}

/**
 * A route's URLs as the Next.js site serves them: its prerendered entries, and for a route at a fixed path
 * (no params) that listed none, that path: an API route or a server-rendered page answers it on each
 * request, and a static page is built at it (the model lists no entry when it could not load the page,
 * an MDX page for one, and that URL must still be counted, lost or kept).
 */
function siteUrls(route: Route): string[] {
  const urls = route.entries.map((entry) => canonicalUrl(entry.url, 'next'));
  if (urls.length === 0 && route.segments.every((segment) => segment.kind === 'static') && (route.kind === 'api' || route.kind === 'page' || route.unmatched === 'blocking')) {
    urls.push(canonicalUrl(route.pattern, 'next'));
  }
  return urls;
}
