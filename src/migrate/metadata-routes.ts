import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';
import type { Route } from '../model/types.js';
import { canonicalUrl } from '../report/canonical-url.js';
import { dataId, type MigrationContext } from './context.js';
import { DATA_DIR } from './data.js';
import { moveModule, relativeSpecifier } from './module-edits.js';
import { keepAside, keepUnparsable } from './pages.js';
import { SHIMS_DIR } from './tsconfig.js';
import type { RouteReport } from './types.js';

/**
 * Metadata routes of the app router (sitemap, robots, manifest, favicon, icon, apple-icon, opengraph-image,
 * twitter-image). A file served as it is (`robots.txt`, `icon.png`) is copied into public/ at the URL Next.js
 * served it at. A sitemap, robots or manifest module becomes a zfb endpoint page: the next-data plugin calls
 * its default export in Node at build time, as next build did (next-metadata-route-loader.ts: `await
 * handler()`), and the page writes the body with next-shims/metadata-route.ts, which serializes the data as
 * Next.js does.
 */

const SERIALIZER = `${SHIMS_DIR}/metadata-route`;
const CODE = /\.(?:tsx|ts|jsx|js|mjs)$/;
const SERIALIZERS: Record<string, string> = { sitemap: 'resolveSitemap', robots: 'resolveRobots', manifest: 'resolveManifest' };
/**
 * The tags Next.js adds to the <head> of each page at or below a metadata file's folder (seen in the HTML of
 * a real next build); the migrated pages do not get them.
 */
const HEAD_TAGS: Record<string, string> = {
  favicon: '<link rel="icon" href="/favicon.ico?…" sizes type>',
  icon: '<link rel="icon" href="…?…" sizes type>',
  'apple-icon': '<link rel="apple-touch-icon" href="…?…" sizes type>',
  'opengraph-image': 'the og:image meta tags (url, type, width, height; the twitter:image ones too when there is no twitter-image)',
  'twitter-image': 'the twitter:image meta tags (url, type, width, height)',
  manifest: '<link rel="manifest" href="…">',
};

export function migrateMetadataRoute(ctx: MigrationContext, route: Route, appDir: string, report: RouteReport): RouteReport {
  const file = route.file;
  const basename = path.posix.basename(file);
  const stem = basename.replace(/\d*\.[^.]+$/, '');
  if (!CODE.test(basename)) return copyMetadataFile(ctx, route, report, stem);
  const serializer = SERIALIZERS[stem];
  if (!serializer) {
    return keepAside(ctx, file, report, `${basename} renders an image at build time (ImageResponse); zfb-next does not render images: save the image Next.js built for ${route.pattern} as a file in app/ or public/`);
  }
  if (route.pattern.endsWith('/[__metadata_id__]')) {
    return keepAside(ctx, file, report, `${basename} exports generateSitemaps, so Next.js serves one sitemap per id; zfb-next migrates a single sitemap only: write each as a zfb endpoint page (pages/sitemap/<id>.xml.tsx)`);
  }
  if (route.entries.length === 0) {
    return keepAside(ctx, file, report, `Next.js renders ${route.pattern} on each request (its default export is not called at build time); a static zfb site cannot answer it`);
  }
  const module = `${DATA_DIR}/${file.slice(appDir.length + 1).replace(/\.(?:jsx|js|mjs)$/, '.ts')}`;
  let moved;
  try {
    moved = moveModule(ctx.read(file)!, file, module);
  } catch (error) {
    return keepUnparsable(ctx, file, report, error);
  }
  ctx.tree.write(module, moved);
  report.data = module;
  if (!ctx.tree.has(`${SERIALIZER}.ts`)) ctx.tree.write(`${SERIALIZER}.ts`, readFileSync(path.join(PACKAGE_ROOT, 'src/migrate/templates/metadata/serialize.ts'), 'utf8'));
  for (const entry of route.entries) {
    const url = canonicalUrl(entry.url, 'next');
    const target = `pages${url}.tsx`;
    const id = dataId(target);
    ctx.tree.write(
      target,
      [
        `import data from 'virtual:${DATA_DIR}/${id}';`,
        `import { ${serializer} } from '${relativeSpecifier(target, SERIALIZER)}';`,
        '',
        `/** ${url}: the default export of ${file} (now ${module}), run in Node by the next-data plugin at build time, written as Next.js writes it. */`,
        `export default function Endpoint() {`,
        `  return ${serializer}(data);`,
        `}`,
        '',
      ].join('\n'),
    );
    ctx.data.push({ id, module, page: target, route: route.pattern, kind: 'metadata', url: entry.url });
    report.target.push(target);
  }
  ctx.handled.add(file);
  report.transform = 'endpoint';
  report.urls.after = route.entries.length;
  noteHeadTags(report, route, stem);
  return report;
}

/**
 * `robots.txt`, `favicon.ico`, `icon.png`, ...: Next.js serves the file's bytes as they are (the static
 * asset route of next-metadata-route-loader.ts), at the URL of the route model, which zfb serves from public/.
 */
function copyMetadataFile(ctx: MigrationContext, route: Route, report: RouteReport, stem: string): RouteReport {
  const file = route.file;
  if (route.entries.length === 0) {
    return keepAside(ctx, file, report, `Next.js serves ${route.pattern} on request only and writes no file for it at build time, so a static site has no such URL; rename it (icon0 to icon9) to have it written`);
  }
  const targets: string[] = [];
  for (const entry of route.entries) {
    const url = canonicalUrl(entry.url, 'next');
    const target = `public${url}`;
    // copyRest copies the user's public/ files after the routes: one at the same URL stays.
    if (ctx.read(target) !== undefined) {
      report.lossy.push({ kind: 'other', detail: `${target} exists too and is what zfb serves at ${url}; ${file} is not copied` });
      continue;
    }
    ctx.tree.copy(target, ctx.abs(file));
    targets.push(target);
  }
  ctx.handled.add(file);
  report.transform = 'copy';
  report.target = targets;
  report.urls.after = route.entries.length;
  noteHeadTags(report, route, stem);
  return report;
}

function noteHeadTags(report: RouteReport, route: Route, stem: string): void {
  const tags = HEAD_TAGS[stem];
  if (!tags) return;
  const folder = path.posix.dirname(route.pattern);
  report.lossy.push({
    kind: 'head',
    detail: `Next.js also puts ${tags} for ${path.posix.basename(route.file)} into the <head> of every page ${folder === '/' ? 'of the site' : `at or below ${folder}`}; the zfb pages do not get them: add them to the layout's metadata (icons, manifest, openGraph.images, twitter.images)`,
  });
}
