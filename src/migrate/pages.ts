import { findExport } from '../../codemods/_shared/find-export.js';
import { parseModule } from '../../codemods/_shared/ast.js';
import type { Transform } from '../../codemods/_shared/types.js';
import type { Route } from '../model/types.js';
import { dataId, withTsx, zfbPagesPath, type MigrationContext } from './context.js';
import { attachData, type PageData } from './data.js';
import { markersOf } from './markers.js';
import { codeFileOf, type CompiledMdx } from './mdx.js';
import { moveModule, relativeSpecifier, wrapDefaultExport } from './module-edits.js';
import type { LossyChange, RouteApi, RouteReport } from './types.js';

/**
 * A pages-router page into a zfb page. pages-to-zfb turns getStaticPaths + getStaticProps into paths()
 * (shimmedRuntime: next/* imports stay, the project's next-shims answer them); the data functions then
 * move into a data module the next-data plugin runs in Node, and the page keeps its component, rendered
 * inside pages/_app and pages/_document by layouts/next-pages.tsx.
 */

export const PAGES_LAYOUT = 'layouts/next-pages.tsx';

export interface PagesRouteInput {
  /** Source-relative file. */
  file: string;
  /** The route model's route for the file. */
  route: Route;
  transform: Transform;
  /** An MDX page compiled to a JavaScript module (mdx.ts), migrated under that module's name. */
  mdx?: CompiledMdx;
}

export function migratePagesPage(ctx: MigrationContext, { file, route, transform, mdx }: PagesRouteInput): RouteReport {
  const source = mdx ? mdx.code : ctx.read(file)!;
  const codeFile = mdx ? codeFileOf(file) : file;
  const report: RouteReport = {
    pattern: route.pattern,
    source: [file],
    api: 'static',
    target: [],
    transform: 'pages-to-zfb',
    urls: { before: route.entries.length, after: 0 },
    markers: [],
    lossy: [],
    errors: [],
  };
  let ast;
  try {
    ast = parseModule(source, codeFile);
  } catch (error) {
    return keepUnparsable(ctx, file, report, error);
  }
  report.api = pagesApi(ast);
  if (report.api === 'getServerSideProps') return keepAside(ctx, file, report, 'getServerSideProps renders the page on every request; zfb builds static pages only');
  if (mdx) report.lossy.push(...mdx.lossy);

  const result = transform({ path: codeFile, source, readFile: (p) => ctx.read(p), i18n: ctx.i18n, shimmedRuntime: true });
  if (result.skipped) return keepAside(ctx, file, report, result.skipped);
  // The codemod's own path (pages/[locale]/… under i18n), then zfb's: pages/ at the root, .tsx.
  const codemodPath = result.outputPath ?? codeFile;
  const target = withTsx(zfbPagesPath(codemodPath));
  let text = moveModule(result.source ?? source, codemodPath, target);
  report.lossy.push(...fallbackChanges(route), ...localeChanges(ctx, route));

  const id = dataId(target);
  const dataModule = `next-data/${id}.tsx`;
  const kind = findExport(parseModule(text, target), 'paths') ? 'paths' : findExport(parseModule(text, target), 'getStaticProps') ? 'props' : undefined;
  let data: PageData | undefined;
  if (kind) {
    data = attachData(ctx, {
      text,
      page: target,
      module: dataModule,
      id,
      kind,
      route: route.pattern,
      dataExports: kind === 'paths' ? ['paths'] : ['getStaticProps'],
      context: kind === 'props' ? staticPropsContext(ctx.i18n) : undefined,
    });
    text = data.page;
    report.data = dataModule;
  }

  const wrapped = wrapDefaultExport(text, target, (component) => ({
    imports: [`import NextPagesLayout from '${relativeSpecifier(target, PAGES_LAYOUT.replace(/\.tsx$/, ''))}';`],
    code: [
      [
        `/** The page as Next.js rendered it: inside pages/_app and pages/_document. */`,
        `export default function NextPage(input: Record<string, unknown>) {`,
        `  return <NextPagesLayout Component={${component}} input={input} route=${JSON.stringify(route.pattern)} />;`,
        `}`,
      ].join('\n'),
    ],
  }));
  if (!wrapped) return keepAside(ctx, file, report, 'the page has no default export: there is nothing for zfb to render');
  ctx.tree.write(target, wrapped.source);
  ctx.handled.add(file);
  report.target = [target];
  report.markers = [...markersOf(target, wrapped.source), ...(data ? markersOf(dataModule, ctx.tree.text(dataModule) ?? '') : [])];
  report.urls.after = route.entries.length;
  return report;
}

export function pagesApi(ast: ReturnType<typeof parseModule>): RouteApi {
  if (findExport(ast, 'getServerSideProps')) return 'getServerSideProps';
  const paths = !!findExport(ast, 'getStaticPaths');
  const props = !!findExport(ast, 'getStaticProps');
  return paths && props ? 'getStaticPaths+getStaticProps' : paths ? 'getStaticPaths' : props ? 'getStaticProps' : 'static';
}

/** What Next.js passed a static page's getStaticProps at build time (next/src/server/render.tsx). */
/**
 * The context getStaticProps gets for a page with no [locale] segment. Under i18n, Next renders such a page
 * (pages/404 for one) in the default locale for the unprefixed URL, with `locale` set to it.
 */
function staticPropsContext(i18n: MigrationContext['i18n']): Record<string, unknown> {
  if (!i18n) return { revalidateReason: 'build' };
  return { revalidateReason: 'build', locale: i18n.defaultLocale, locales: i18n.locales, defaultLocale: i18n.defaultLocale };
}

function fallbackChanges(route: Route): LossyChange[] {
  if (route.unmatched === 'blocking') {
    return [{ kind: 'fallback', detail: "fallback: 'blocking': Next rendered unlisted URLs on their first request; zfb builds only the listed ones, the others get a 404" }];
  }
  if (route.unmatched === 'fallback') {
    return [{ kind: 'fallback', detail: 'fallback: true: Next served unlisted URLs with a fallback page, then their data; zfb builds only the listed ones, the others get a 404 (router.isFallback is always false)' }];
  }
  return [];
}

function localeChanges(ctx: MigrationContext, route: Route): LossyChange[] {
  if (!ctx.i18n || /^\/(?:404|500)$/.test(route.pattern)) return [];
  const { defaultLocale } = ctx.i18n;
  const unprefixed = route.pattern;
  return [
    {
      kind: 'i18n',
      detail: `Next also served the default locale '${defaultLocale}' without its prefix (${unprefixed} beside /${defaultLocale}${unprefixed === '/' ? '' : unprefixed}); zfb builds the prefixed URLs only: redirect the unprefixed ones on your host`,
    },
  ];
}

/** A file that does not parse: copied unchanged, listed, and the rest of the project still migrated. */
export function keepUnparsable(ctx: MigrationContext, file: string, report: RouteReport, error: unknown): RouteReport {
  const message = error instanceof Error ? error.message : String(error);
  ctx.unparsable.push({ file, error: message });
  return keepAside(ctx, file, report, `the file does not parse (${message}); it is copied unchanged`);
}

/**
 * A route file zfb cannot build: kept in the output under a name zfb does not route (its first folder or
 * name below pages/ gets a `_`, so its relative imports still resolve), and listed as not migrated.
 */
export function keepAside(ctx: MigrationContext, file: string, report: RouteReport, reason: string): RouteReport {
  const keptAs = asideName(zfbPagesPath(file));
  if (file.startsWith('src/pages/')) ctx.tree.write(keptAs, moveModule(ctx.read(file)!, file, keptAs));
  else ctx.tree.copy(keptAs, ctx.abs(file));
  ctx.handled.add(file);
  ctx.notMigrated.push({ file, reason, keptAs });
  report.transform = 'none';
  report.errors.push(reason);
  report.urls.after = 0;
  return report;
}

/** `pages/api/hello.ts` → `pages/_api/hello.ts`; `pages/ssr.tsx` → `pages/_ssr.tsx`. */
export function asideName(file: string): string {
  const [dir, first, ...rest] = file.split('/');
  return [dir, first!.startsWith('_') ? first : `_${first}`, ...rest].join('/');
}
