import path from 'node:path';
import { parseModule } from '../../codemods/_shared/ast.js';
import type { Route } from '../model/types.js';
import { canonicalUrl } from '../report/canonical-url.js';
import { dataId, type MigrationContext } from './context.js';
import { DATA_DIR } from './data.js';
import { migrateMetadataRoute } from './metadata-routes.js';
import { moveModule } from './module-edits.js';
import { keepAside, keepUnparsable } from './pages.js';
import type { RouteReport } from './types.js';

/**
 * Route handlers (app/**\/route.ts) whose GET Next.js prerendered become zfb endpoint pages. A zfb page named
 * `name.ext.tsx` writes `name.ext` with what its component returns, but a dynamic segment cannot carry that
 * extension (`[name].xml.tsx` is an invalid segment in zfb 0.1.0-next.89, zfb-engine.md §1.1). So each URL
 * the route prerendered gets a static endpoint page of its own (pages/feed.xml.tsx, pages/feeds/news.xml.tsx),
 * and the next-data plugin calls the handler's GET in Node for its body. The handler module moves into
 * next-data/ as it is.
 */
export function migrateRouteHandler(ctx: MigrationContext, route: Route, appDir: string): RouteReport {
  const file = route.file;
  const report: RouteReport = {
    pattern: route.pattern,
    source: [file],
    api: 'route-handler',
    target: [],
    transform: 'endpoint',
    urls: { before: route.entries.length, after: 0 },
    markers: [],
    lossy: [],
    errors: [],
  };
  if (!/^route\.[^/]+$/.test(path.posix.basename(file))) return migrateMetadataRoute(ctx, route, appDir, report);
  const source = ctx.read(file)!;
  try {
    parseModule(source, file);
  } catch (error) {
    return keepUnparsable(ctx, file, report, error);
  }
  if (route.entries.length === 0) {
    return keepAside(ctx, file, report, 'Next.js renders this route handler on each request (it is not a static GET); a static zfb site cannot answer it');
  }
  const module = `${DATA_DIR}/${file.slice(appDir.length + 1).replace(/\.(?:jsx|js|mjs)$/, '.ts')}`;
  ctx.tree.write(module, moveModule(source, file, module));
  report.data = module;
  let withoutExtension = 0;
  for (const entry of route.entries) {
    const url = canonicalUrl(entry.url, 'next');
    const last = url.split('/').pop() ?? '';
    if (!/\.[A-Za-z0-9]+$/.test(last)) withoutExtension++;
    const target = url === '/' ? 'pages/index.tsx' : `pages${url}.tsx`;
    const id = dataId(target);
    ctx.tree.write(
      target,
      [
        `import body from 'virtual:${DATA_DIR}/${id}';`,
        '',
        `/** GET ${url}, answered by ${file} (now ${module}), run in Node by the next-data plugin at build time. */`,
        `export default function Endpoint() {`,
        `  return body;`,
        `}`,
        '',
      ].join('\n'),
    );
    ctx.data.push({ id, module, page: target, route: route.pattern, kind: 'route', url: entry.url, params: entry.params as Record<string, string | string[]> });
    report.target.push(target);
  }
  ctx.handled.add(file);
  report.urls.after = route.entries.length;
  if (route.segments.some((s) => s.kind !== 'static')) {
    report.lossy.push({ kind: 'endpoint', detail: `one endpoint page per URL the route listed when it was migrated (${route.entries.length}); a new param value needs a page of its own` });
  }
  if (withoutExtension > 0) {
    report.lossy.push({ kind: 'endpoint', detail: `${withoutExtension} URL(s) without a file extension are written as <url>/index.html: the body is the same, but hosts serve it as HTML (and /x redirects to /x/)` });
  }
  return report;
}
