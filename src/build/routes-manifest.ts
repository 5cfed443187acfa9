import path from 'node:path';

/**
 * `__zfb/routes.json` in zfb's own schema (zfb-engine.md §7, zfb's `PostBuildRouteEntry`), so that zfb
 * tooling and `zfb-next diff` read a zfb-next build like a zfb build: one entry per written URL, `url`
 * without trailing slash and not percent-encoded (the route model's URL), `output` below the output folder,
 * `extension`, `source` (project-relative), `prerender: true`, and `params` for dynamic routes; sorted by
 * `url`, pretty-printed with a trailing newline.
 */
export interface ZfbRouteEntry {
  url: string;
  output: string;
  extension: string;
  source: string;
  prerender: true;
  params?: Record<string, unknown>;
}

export const ROUTES_MANIFEST = path.join('__zfb', 'routes.json');

export function routeEntry(url: string, output: string, source: string, params: Record<string, unknown>, dynamic: boolean): ZfbRouteEntry {
  const extension = path.extname(output).slice(1) || 'html';
  const entry: ZfbRouteEntry = { url: url === '/' ? '/' : url.replace(/\/+$/, ''), output, extension, source, prerender: true };
  if (dynamic) entry.params = params;
  return entry;
}

export function routesManifestJson(entries: readonly ZfbRouteEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
  return `${JSON.stringify({ routes: sorted }, null, 2)}\n`;
}
