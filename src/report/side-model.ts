import type { RouteModel } from '../model/types.js';
import { routeUrls } from '../routes/route-urls.js';
import { parseRoutesJson, RoutesJsonError } from '../routes/routes-json.js';
import { canonicalUrl, isSiteUrl } from './canonical-url.js';
import { isDynamicPattern, SideBuilder, SideError, uniqueSorted, type Side, type SideKind, type SideLabel } from './side.js';

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

/** Routes JSON read as a side: the contract's own reader, its complaint turned into one naming the side. */
export function parseRoutesJsonSide(value: unknown, label: SideLabel, spec: string): RouteModel {
  try {
    return parseRoutesJson(value);
  } catch (error) {
    if (error instanceof RoutesJsonError) throw new SideError(label, spec, error.message);
    throw error;
  }
}
