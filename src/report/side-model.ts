import type { Route, RouteModel } from '../model/types.js';
import { canonicalUrl, isSiteUrl } from './canonical-url.js';
import { isDynamicPattern, SideBuilder, SideError, uniqueSorted, type Side, type SideKind, type SideLabel } from './side.js';

/** The routes JSON versions this reader understands (README, "Routes JSON"). */
export const ROUTES_JSON_VERSION = 1;

/** A route model (computed, or read back from routes JSON) as a side. */
export function sideFromModel(model: RouteModel, label: SideLabel, spec: string, kind: SideKind): Side {
  const builder = new SideBuilder();
  for (const route of model.routes) {
    const sideRoute = builder.addRoute({
      pattern: route.pattern,
      file: route.file,
      origin: route.origin,
      providers: uniqueSorted(route.providers.map((p) => p.function)),
      unmatched: isDynamicPattern(route.pattern) ? route.unmatched : null,
    });
    const writtenBy = route.origin === 'zfb' ? 'zfb' : 'next';
    for (const url of routeUrls(route)) {
      const canonical = canonicalUrl(url, writtenBy);
      if (isSiteUrl(canonical)) builder.addUrl(canonical, sideRoute);
    }
  }
  for (const d of model.diagnostics) {
    builder.diagnostics.push({ severity: d.severity, code: d.code, file: d.file, message: d.message });
  }
  return builder.finish(label, spec, kind);
}

/** A static page serves its own pattern even when a front-end lists no entry for it. */
function routeUrls(route: Route): string[] {
  if (route.entries.length === 0 && !isDynamicPattern(route.pattern)) return [route.pattern];
  return route.entries.map((e) => e.url);
}

/**
 * Checks the parts of routes JSON the diff reads, so that a hand-edited or truncated file fails with the
 * place that is wrong rather than with a TypeError later. A newer `version` is refused: its meaning may
 * have changed in ways this reader cannot see.
 */
export function parseRoutesJson(value: unknown, label: SideLabel, spec: string): RouteModel {
  const fail = (reason: string): never => {
    throw new SideError(label, spec, reason);
  };
  if (!isRecord(value)) return fail('routes JSON must be an object with "version" and "routes"');
  const { version } = value;
  if (typeof version === 'number' && version > ROUTES_JSON_VERSION) {
    fail(
      `routes JSON version ${version} is newer than this zfb-next reads (version ${ROUTES_JSON_VERSION}); upgrade zfb-next`,
    );
  }
  if (version !== ROUTES_JSON_VERSION) {
    fail(`routes JSON "version" must be ${ROUTES_JSON_VERSION}, got ${JSON.stringify(version) ?? 'nothing'}`);
  }
  if (!Array.isArray(value.routes)) fail('routes JSON "routes" must be an array');
  const routes = value.routes as unknown[];
  routes.forEach((route, i) => {
    if (!isRecord(route)) return fail(`routes[${i}] must be an object`);
    for (const key of ['pattern', 'file', 'origin', 'unmatched'] as const) {
      if (typeof route[key] !== 'string') fail(`routes[${i}].${key} must be a string`);
    }
    if (!Array.isArray(route.providers)) fail(`routes[${i}].providers must be an array`);
    (route.providers as unknown[]).forEach((provider, j) => {
      if (!isRecord(provider) || typeof provider.function !== 'string') {
        fail(`routes[${i}].providers[${j}].function must be a string`);
      }
    });
    if (!Array.isArray(route.entries)) fail(`routes[${i}].entries must be an array`);
    (route.entries as unknown[]).forEach((entry, j) => {
      if (!isRecord(entry) || typeof entry.url !== 'string') fail(`routes[${i}].entries[${j}].url must be a string`);
    });
  });
  const diagnostics = Array.isArray(value.diagnostics) ? value.diagnostics : [];
  return { version: 1, root: typeof value.root === 'string' ? value.root : '.', routes, diagnostics } as RouteModel;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
