import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import { parseModule } from '../../codemods/_shared/ast.js';
import { EditedModule } from '../../codemods/_shared/edited-module.js';
import { findExport } from '../../codemods/_shared/find-export.js';
import type { Transform } from '../../codemods/_shared/types.js';
import { zfbPagePath } from '../../codemods/app-to-zfb/index.js';
import { routeFromPath } from '../../codemods/_shared/route-file.js';
import type { Route } from '../model/types.js';
import type { ModuleGraph } from './analysis.js';
import { dataId, type MigrationContext } from './context.js';
import { attachData, DATA_DIR } from './data.js';
import { wrapIslands, type ClientModules } from './islands.js';
import { markersOf } from './markers.js';
import { codeFileOf, type MdxPages } from './mdx.js';
import { addToModule, moveModule, relativeSpecifier, wrapDefaultExport } from './module-edits.js';
import { keepAside, keepUnparsable } from './pages.js';
import { hoistServerData } from './server-data.js';
import { splitModule } from './split.js';
import { SHIMS_DIR } from './tsconfig.js';
import type { LossyChange, Marker, RouteReport } from './types.js';

/**
 * The app router into zfb pages. Each page becomes pages/<route>.tsx (app-to-zfb: one paths() running the
 * generateStaticParams cascade), rendered inside its chain of layouts, as Next.js rendered it. What the page
 * and its layouts await moves into data functions (server-data.ts) that the next-data plugin runs in Node
 * with the page's metadata; layouts stay in app/ with their components only, and their data halves go to
 * next-data/app/. not-found.tsx becomes pages/404.tsx; route handlers become zfb endpoint pages.
 */

const LAYOUT = /(?:^|\/)layout\.(?:tsx|ts|jsx|js)$/;
const APP_SHELL = `${SHIMS_DIR}/app-shell`;
const METADATA = `${SHIMS_DIR}/metadata`;
/** What a layout's data half keeps: what only Next.js reads, and what runs in Node. */
const LAYOUT_DATA_EXPORTS = ['generateStaticParams', 'metadata', 'generateMetadata', 'viewport', 'generateViewport', 'dynamicParams', 'revalidate', 'dynamic', 'fetchCache', 'runtime', 'preferredRegion', 'maxDuration', 'layoutData'];
const PAGE_DATA_EXPORTS = ['paths', 'pageProps', 'pageData', 'metadata', 'generateMetadata', 'viewport', 'generateViewport', 'revalidate', 'dynamic', 'fetchCache', 'runtime', 'preferredRegion', 'maxDuration'];

/**
 * Next's built-in not-found page, for a project without app/not-found.tsx: the markup of
 * next/dist/client/components/builtin/not-found.js (HTTPAccessErrorFallback with its styles) in 16.4.6.
 */
const BUILTIN_NOT_FOUND = `export default function NotFound() {
  return (
    <>
      <title>404: This page could not be found.</title>
      <div style={{ fontFamily: 'system-ui,"Segoe UI",Roboto,Helvetica,Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji"', height: '100vh', textAlign: 'center', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center' }}>
        <div>
          <style dangerouslySetInnerHTML={{ __html: 'body{color:#000;background:#fff;margin:0}.next-error-h1{border-right:1px solid rgba(0,0,0,.3)}@media (prefers-color-scheme:dark){body{color:#fff;background:#000}.next-error-h1{border-right:1px solid rgba(255,255,255,.3)}}' }} />
          <h1 className="next-error-h1" style={{ display: 'inline-block', margin: '0 20px 0 0', padding: '0 23px 0 0', fontSize: 24, fontWeight: 500, verticalAlign: 'top', lineHeight: '49px' }}>404</h1>
          <div style={{ display: 'inline-block' }}>
            <h2 style={{ fontSize: 14, fontWeight: 400, lineHeight: '49px', margin: 0 }}>This page could not be found.</h2>
          </div>
        </div>
      </div>
    </>
  );
}
`;

interface Layout {
  /** Source (and component) file. */
  file: string;
  folder: string;
  /** Output-relative data module, when the layout has data or metadata. */
  data?: string;
  /** Whether the component is still async (its data could not be moved). */
  async: boolean;
  markers: Marker[];
  refused?: string;
}

export interface AppInput {
  appDir: string;
  files: readonly string[];
  transform: Transform;
  clients: ClientModules;
  /** The source's modules, to tell which imports reach Node (their calls run in next-data too). */
  graph: ModuleGraph;
  /** MDX pages, compiled to JavaScript modules (mdx.ts). */
  mdx: MdxPages;
}

export class AppRouter {
  private readonly layouts = new Map<string, Layout>();

  constructor(
    private readonly ctx: MigrationContext,
    private readonly input: AppInput,
  ) {
    for (const file of input.files) {
      if (!file.startsWith(`${input.appDir}/`) || !LAYOUT.test(file)) continue;
      const folder = posix.dirname(file.slice(input.appDir.length + 1)).replace(/^\.$/, '');
      const layout = this.migrateLayout(file, folder);
      if (layout) this.layouts.set(folder, layout);
    }
  }

  /** A layout: its component half in place, its data half (with the data it awaited) in next-data/app/. */
  private migrateLayout(file: string, folder: string): Layout | undefined {
    const ctx = this.ctx;
    const source = ctx.read(file)!;
    try {
      parseModule(source, file);
    } catch (error) {
      ctx.unparsable.push({ file, error: error instanceof Error ? error.message : String(error) });
      ctx.tree.copy(file, ctx.abs(file));
      ctx.handled.add(file);
      return undefined;
    }
    const hoisted = hoistServerData(source, file, {
      dataName: 'layoutData',
      key: file,
      shellSpecifier: relativeSpecifier(file, APP_SHELL),
      nodeOnly: this.input.graph.nodeOnlyBindings(file),
    });
    const hasData = LAYOUT_DATA_EXPORTS.some((name) => findExport(parseModule(hoisted.source, file), name));
    const layout: Layout = { file, folder, async: hoisted.async, markers: [] };
    if (hoisted.refused) layout.refused = hoisted.refused;
    let component = hoisted.source;
    if (hasData) {
      const data = `${DATA_DIR}/${file.replace(/\.(?:jsx|js)$/, '.tsx')}`;
      const dataText = splitModule(hoisted.source, file, { keepExport: (name) => LAYOUT_DATA_EXPORTS.includes(name), dropStyles: true }).source;
      ctx.tree.write(data, moveModule(dataText, file, data));
      component = splitModule(hoisted.source, file, { keepExport: (name) => !LAYOUT_DATA_EXPORTS.includes(name) }).source;
      layout.data = data;
    }
    component = wrapIslands(component, file, this.input.clients);
    if (hoisted.refused) component = withMarker(component, file, `this layout awaits data zfb renders in V8 (no fs, fetch or process): ${hoisted.refused}, so it could not move into next-data`);
    ctx.tree.write(file, component);
    ctx.handled.add(file);
    layout.markers = markersOf(file, component);
    return layout;
  }

  /** The layouts above a page, root first, one entry per folder (undefined where a folder has none). */
  private chain(folder: string): (Layout | undefined)[] {
    const parts = folder ? folder.split('/') : [];
    const folders = [''];
    for (let i = 1; i <= parts.length; i++) folders.push(parts.slice(0, i).join('/'));
    return folders.map((f) => this.layouts.get(f));
  }

  migratePage(route: Route): RouteReport {
    const ctx = this.ctx;
    const file = route.file;
    const report: RouteReport = {
      pattern: route.pattern,
      source: [file],
      api: route.providers.length > 0 ? 'generateStaticParams' : 'app-static',
      target: [],
      transform: 'app-to-zfb',
      urls: { before: route.entries.length, after: 0 },
      markers: [],
      lossy: [],
      errors: [],
    };
    // An MDX page is migrated as the module @next/mdx compiles it to, under that module's name.
    const mdx = this.input.mdx.get(file);
    if (mdx && 'error' in mdx) return keepAside(ctx, file, report, mdx.error);
    const source = mdx ? mdx.code : ctx.read(file)!;
    const codeFile = mdx ? codeFileOf(file) : file;
    try {
      parseModule(source, codeFile);
    } catch (error) {
      return keepUnparsable(ctx, file, report, error);
    }
    if (mdx) report.lossy.push(...mdx.lossy);
    const info = routeFromPath(codeFile.slice(this.input.appDir.startsWith('src/') ? 4 : 0))!;
    const chain = this.chain(info.folder);
    report.source.push(...chain.filter((l): l is Layout => !!l).map((l) => l.file));
    const result = this.input.transform({ path: codeFile, source, readFile: (p) => ctx.read(p), shimmedRuntime: true });
    if (result.skipped || !result.source) return keepAside(ctx, file, report, result.skipped ?? 'app-to-zfb made no zfb page of it');
    const target = result.outputPath ?? zfbPagePath(info);
    const dynamic = route.segments.some((s) => s.kind !== 'static');
    if (dynamic && route.unmatched !== 'not-found') report.lossy.push({ kind: 'fallback', detail: 'dynamicParams is true (the default): Next rendered unlisted URLs on their first request; zfb builds only the listed ones, the others get a 404' });
    report.lossy.push(...revalidateChange(result.source));

    const text = this.redirectLayoutImports(result.source, target, chain);
    const page = this.renderPage({ text, target, chain, source: file, pattern: route.pattern, report, key: 'page', extraMetadata: undefined, dynamic });
    if (!page) return report;
    report.urls.after = route.entries.length;
    return report;
  }

  /**
   * zfb's 404.html: the page Next.js answers every missing URL with when the project has app/, which is
   * app/not-found.tsx (or Next's built-in one when there is none) inside the root layout, with Next's
   * `robots: noindex`. next build (build/index.ts, moveExportedAppNotFoundTo404) copies the static
   * /_not-found over pages/404.html for every locale, "since the app router not found is prioritized over
   * pages router": a real `next start` of a project with both pages/404.tsx and app/ answers /missing and
   * /fr/missing with app/_not-found.html.
   */
  migrateNotFound(file: string | undefined): RouteReport {
    const ctx = this.ctx;
    const report: RouteReport = { pattern: '/_not-found', source: file ? [file] : [], api: 'app-static', target: [], transform: 'app-to-zfb', urls: { before: 0, after: 0 }, markers: [], lossy: [], errors: [] };
    const target = 'pages/404.tsx';
    let text: string;
    try {
      text = file ? moveModule(ctx.read(file)!, file, target) : BUILTIN_NOT_FOUND;
    } catch (error) {
      return keepUnparsable(ctx, file!, report, error);
    }
    const chain = [this.layouts.get('')];
    report.source.push(...chain.filter((l): l is Layout => !!l).map((l) => l.file));
    this.renderPage({ text, target, chain, source: file, pattern: '/_not-found', report, key: 'page', extraMetadata: "{ metadata: { robots: 'noindex' } }", dynamic: false });
    return report;
  }

  /** The generateStaticParams the cascade imports from a layout come from its data half now. */
  private redirectLayoutImports(text: string, target: string, chain: readonly (Layout | undefined)[]): string {
    const m = new EditedModule(text, target);
    for (const statement of m.ast.program.body as N.Node[]) {
      if (statement.type !== 'ImportDeclaration') continue;
      const specifier = String((statement as N.ImportDeclaration).source.value);
      if (!specifier.startsWith('.')) continue;
      const resolved = posix.normalize(posix.join(posix.dirname(target), specifier));
      const layout = chain.find((l) => l && l.file.replace(/\.[^./]+$/, '') === resolved);
      if (!layout?.data) continue;
      const literal = (statement as N.ImportDeclaration).source as N.Node;
      m.replace(literal, `'${relativeSpecifier(target, layout.data.replace(/\.tsx$/, ''))}'`);
    }
    return m.print();
  }

  private renderPage(o: {
    text: string;
    target: string;
    chain: readonly (Layout | undefined)[];
    /** The source file, whose imports tell what reaches Node (none for Next's built-in not-found page). */
    source: string | undefined;
    pattern: string;
    report: RouteReport;
    key: string;
    extraMetadata: string | undefined;
    dynamic: boolean;
  }): boolean {
    const ctx = this.ctx;
    const { target, chain, report } = o;
    const hoisted = hoistServerData(o.text, target, {
      dataName: 'pageData',
      key: o.key,
      shellSpecifier: relativeSpecifier(target, APP_SHELL),
      nodeOnly: o.source ? this.input.graph.nodeOnlyBindings(o.source) : new Set(),
    });
    let text = hoisted.source;
    const ast = parseModule(text, target);
    const has = (name: string) => !!findExport(ast, name);
    const layoutImports: string[] = [];
    const sources: string[] = [];
    const data: string[] = [];
    chain.forEach((layout, i) => {
      if (!layout?.data) {
        sources.push('undefined');
        return;
      }
      layoutImports.push(`import * as nextLayout${i} from '${relativeSpecifier(target, layout.data.replace(/\.tsx$/, ''))}';`);
      sources.push(`nextLayout${i}`);
      const layoutData = findExport(parseModule(ctx.tree.text(layout.data)!, layout.data), 'layoutData');
      if (layoutData) data.push(`${JSON.stringify(layout.file)}: await nextLayout${i}.layoutData(props)`);
    });
    if (hoisted.dataFunction) data.push(`${JSON.stringify(o.key)}: await ${hoisted.dataFunction}(props)`);
    const own = [has('metadata') ? 'metadata' : '', has('generateMetadata') ? 'generateMetadata' : ''].filter(Boolean);
    sources.push(own.length ? `{ ${own.join(', ')} }` : 'undefined');
    if (o.extraMetadata) sources.push(o.extraMetadata);
    const pageProps = [
      `/** What the page and its layouts render with for one URL, and its metadata: run in Node by the next-data plugin. */`,
      `export async function pageProps(input: { params: Record<string, any> }) {`,
      `  const props = { params: Object.assign(Promise.resolve(input.params), input.params), searchParams: Promise.resolve({}) };`,
      `  return {`,
      `    nextData: { ${data.join(', ')} },`,
      `    nextMetadata: await resolveMetadata([${sources.join(', ')}], props),`,
      `  };`,
      `}`,
    ].join('\n');
    text = addToModule(text, target, { imports: [...layoutImports, `import { resolveMetadata } from '${relativeSpecifier(target, METADATA)}';`], code: [pageProps] });
    const id = dataId(target);
    const module = `${DATA_DIR}/${id}.tsx`;
    const split = attachData(ctx, {
      text,
      page: target,
      module,
      id,
      kind: o.dynamic ? 'paths' : 'props',
      route: o.pattern,
      dataExports: PAGE_DATA_EXPORTS,
    });
    report.data = module;
    // The page half: the layouts' components around the page's, as Next.js nested them.
    const components = chain.map((layout, i) => (layout ? { name: `NextLayout${i}`, layout } : undefined)).filter((c): c is { name: string; layout: Layout } => !!c);
    const wrapped = wrapDefaultExport(split.page, target, (component) => ({
      imports: [
        `import { AppShell } from '${relativeSpecifier(target, APP_SHELL)}';`,
        ...components.map(({ name, layout }) => `import ${name} from '${relativeSpecifier(target, layout.file.replace(/\.[^./]+$/, ''))}';`),
      ],
      code: [wrapperCode(component, hoisted.async, components, o.pattern)],
    }));
    if (!wrapped) {
      keepAside(ctx, report.source[0]!, report, 'the page has no default export: there is nothing for zfb to render');
      return false;
    }
    let pageText = wrapIslands(wrapped.source, target, this.input.clients);
    if (hoisted.refused) pageText = withMarker(pageText, target, `this page awaits data zfb renders in V8 (no fs, fetch or process): ${hoisted.refused}, so it could not move into next-data`);
    ctx.tree.write(target, pageText);
    ctx.handled.add(report.source[0]!);
    report.target = [target];
    report.markers = [...markersOf(target, pageText), ...markersOf(module, split.data), ...chain.flatMap((l) => l?.markers ?? [])];
    for (const layout of chain) if (layout?.refused) report.lossy.push({ kind: 'data', detail: `${layout.file} awaits data in zfb's V8 (${layout.refused})` });
    if (hoisted.refused) report.lossy.push({ kind: 'data', detail: `the page awaits data in zfb's V8 (${hoisted.refused})` });
    return true;
  }
}

/**
 * The zfb page's default export: the app shell (route context, data, metadata) around the layouts around the
 * page. A component that is still async is awaited here, where zfb can wait (it awaits the page function).
 */
function wrapperCode(page: string, pageAsync: boolean, layouts: { name: string; layout: Layout }[], pattern: string): string {
  let inner = pageAsync ? `{await ${page}(props)}` : `<${page} {...props} />`;
  for (let i = layouts.length - 1; i >= 0; i--) {
    const { name, layout } = layouts[i]!;
    inner = layout.async ? `{await ${name}({ ...props, children: <>${inner}</> })}` : `<${name} {...props}>${inner}</${name}>`;
  }
  return [
    `/** The page as Next.js rendered it: inside its layouts, with its metadata in <head>. */`,
    `export default async function NextPage(input: Record<string, any>) {`,
    `  const params = input.params ?? {};`,
    `  const props = { params: Object.assign(Promise.resolve(params), params), searchParams: Promise.resolve({}) };`,
    `  return (`,
    `    <AppShell route=${JSON.stringify(pattern)} params={params} data={input.nextData} metadata={input.nextMetadata}>`,
    `      ${inner}`,
    `    </AppShell>`,
    `  );`,
    `}`,
  ].join('\n');
}

function withMarker(text: string, file: string, reason: string): string {
  const m = new EditedModule(text, file);
  const found = findExport(m.ast, 'default');
  if (found) m.marker(found.statement, reason);
  return m.print();
}

function revalidateChange(text: string): LossyChange[] {
  return /export\s+const\s+revalidate\b/.test(text) ? [{ kind: 'revalidate', detail: 'revalidate: Next regenerated the page in the background; zfb builds it once, at build time' }] : [];
}

