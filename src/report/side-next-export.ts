import { existsSync } from 'node:fs';
import path from 'node:path';
import { canonicalUrl, isSiteUrl, urlFromHtmlFile } from './canonical-url.js';
import { listFiles } from './files.js';
import { readNextBuild, type NextBuildIndex } from './side-next-build.js';
import { SideBuilder, type Side, type SideLabel, type SideRoute } from './side.js';

/**
 * A static export tree (`out/`): every `.html` file outside `_next/` is a page, named the way Next names
 * export files (pathname form, see canonical-url.ts). When the build directory that wrote the tree sits
 * beside it (`../.next`), its manifests name each page's route, source file and fallback mode, and the
 * non-HTML files they list (route handlers such as `feed/rss.xml`) count as URLs too. Without it, every
 * page is its own route with an unknown source, and other files are skipped: they cannot be told apart
 * from `public/` assets.
 */
export async function sideFromNextExport(outDir: string, label: SideLabel, spec: string): Promise<Side> {
  const siblingBuild = path.join(path.dirname(outDir), '.next');
  const index: NextBuildIndex | undefined = existsSync(path.join(siblingBuild, 'prerender-manifest.json'))
    ? await readNextBuild(siblingBuild, label, spec)
    : undefined;
  const builder = new SideBuilder();
  const unknownRoutes = new Map<string, SideRoute>();
  for (const file of await listFiles(outDir)) {
    if (file.startsWith('_next/')) continue;
    const written = urlFromHtmlFile(file);
    const url = canonicalUrl(written ?? `/${file}`, 'next');
    const page = index?.lookup(url);
    if (written === undefined && page === undefined) continue;
    if (!isSiteUrl(url)) continue;
    let route: SideRoute;
    if (index && page !== undefined) {
      route = index.route(page, builder);
    } else {
      route = unknownRoutes.get(url) ?? builder.addRoute({ pattern: url, file: '', origin: 'unknown', providers: null, unmatched: null });
      unknownRoutes.set(url, route);
    }
    builder.addUrl(url, route, written === undefined ? undefined : file);
  }
  if (index) for (const page of index.dynamicPages()) index.route(page, builder);
  return builder.finish(label, spec, 'next-export', outDir);
}
