import path from 'node:path';
import type { Unmatched } from '../model/types.js';
import { canonicalUrl, isSiteUrl } from './canonical-url.js';
import { fileInside } from './files.js';
import { isRecord } from '../routes/routes-json.js';
import { isDynamicPattern, SideBuilder, SideError, type Side, type SideLabel, type SideRoute } from './side.js';

export const ZFB_ROUTES_FILE = path.join('__zfb', 'routes.json');

/**
 * A zfb build output (`dist/`), read from `dist/__zfb/routes.json` (crates/zfb-build/src/plugin_runner.rs
 * `PostBuildRouteEntry` in the zfb source (github.com/Takazudo/zudo-front-builder)): `url` (raw, no
 * trailing slash), `output` (under outDir), `source` (project-relative), `params` (dynamic routes only).
 * zfb has no fallback: every dynamic route answers unlisted URLs with 404.
 */
export function sideFromZfbDist(distDir: string, manifest: unknown, label: SideLabel, spec: string): Side {
  const fail = (reason: string): never => {
    throw new SideError(label, spec, `${ZFB_ROUTES_FILE}: ${reason}`);
  };
  if (!isRecord(manifest) || !Array.isArray(manifest.routes)) return fail('expected { "routes": [...] }');
  const builder = new SideBuilder();
  const routesBySource = new Map<string, SideRoute>();
  (manifest.routes as unknown[]).forEach((entry, i) => {
    if (!isRecord(entry) || typeof entry.url !== 'string' || typeof entry.source !== 'string') {
      return fail(`routes[${i}] needs string "url" and "source"`);
    }
    const source = entry.source.replace(/\\/g, '/');
    let route = routesBySource.get(source);
    if (!route) {
      const pattern = patternFromZfbSource(source);
      const dynamic = isDynamicPattern(pattern);
      const unmatched: Unmatched | null = dynamic ? 'not-found' : null;
      route = builder.addRoute({ pattern, file: source, origin: 'zfb', providers: dynamic ? ['paths'] : [], unmatched });
      routesBySource.set(source, route);
    }
    const url = canonicalUrl(entry.url, 'zfb');
    if (!isSiteUrl(url)) return;
    const output = typeof entry.output === 'string' ? entry.output.replace(/\\/g, '/') : undefined;
    // zfb writes a `..` param through to the file system and silently overwrites another page.
    if (output && output.split('/').some((part) => part === '..' || part === '.')) {
      builder.diagnostics.push({
        severity: 'error',
        code: 'DIFF_OUTPUT_ESCAPES',
        file: source,
        message: `${entry.url} was written to "${output}", which resolves to another page's file`,
      });
    }
    const isHtml = output !== undefined && (entry.extension === undefined || entry.extension === 'html');
    // Only a file inside dist/ is read for the text comparison, whatever routes.json says.
    const html = isHtml && fileInside(distDir, output) !== undefined ? output : undefined;
    builder.addUrl(url, route, html);
  });
  return builder.finish(label, spec, 'zfb-dist', distDir);
}

/** `pages/posts/[slug].tsx` → `/posts/[slug]`; `pages/index.tsx` → `/`; `pages/sitemap.xml.tsx` → `/sitemap.xml`. */
export function patternFromZfbSource(source: string): string {
  const withoutPages = source.replace(/^(src\/)?pages\//, '');
  const withoutExtension = withoutPages.replace(/\.(tsx|mdx|md|html|ts|jsx|js)$/, '');
  const withoutIndex = withoutExtension === 'index' ? '' : withoutExtension.replace(/\/index$/, '');
  return '/' + withoutIndex;
}
