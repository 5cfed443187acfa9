import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { parseModule } from '../../codemods/_shared/ast.js';
import { findTransform } from '../../codemods/index.js';
import type { Transform } from '../../codemods/_shared/types.js';
import type { Route, RouteModel } from '../model/types.js';
import { looksLikeNext } from '../project/discover.js';
import { inspectProject } from '../project/inspect.js';
import { assertDirectory, ProjectError } from '../project/project-error.js';
import { realPath } from '../project/real-path.js';
import type { NextProjectConfig, Project } from '../project/types.js';
import { buildRouteModel } from '../routes/build-model.js';
import { ModuleGraph, packageName } from './analysis.js';
import { AppRouter } from './app.js';
import { MigrationContext } from './context.js';
import { migrateRouteHandler } from './endpoints.js';
import { writeFontShims } from './fonts.js';
import { jsxModulesToJsx } from './jsx-in-js.js';
import { hasUseClient, wrapIslands, type ClientModules } from './islands.js';
import { ModuleResolver } from './resolve.js';
import { writeDataPlugin } from './data.js';
import { checkInPlace, checkTarget, commitInPlace, commitTree, MigrateUsageError, OutputTree } from './output.js';
import { stubNodeOnlyImports } from './node-stubs.js';
import { keepAside, keepUnparsable, migratePagesPage, pagesApi, PAGES_LAYOUT } from './pages.js';
import { writePagesLayout } from './pages-layout.js';
import { writePackageJson, writeShims, writeZfbConfig, ZFB_VERSION } from './project-files.js';
import { addZfbMdxComponents, compileMdxPages, type MdxPages } from './mdx.js';
import { writeRedirects } from './redirects.js';
import { renderMarkdownReport } from './report-md.js';
import { urlSets } from './urls.js';
import { scanSource } from './scan.js';
import { migrateStaticImages } from './images.js';
import { compileTailwindModules, tailwindNotes, writeGlobalCss } from './styles.js';
import { pathAliases, readUserTsconfig, writeTsconfig, type PathAliases } from './tsconfig.js';
import { REPORT_VERSION, type MigrationReport, type RouteReport } from './types.js';

export { MigrateUsageError };

export interface MigrateOptions {
  /** The Next.js project. */
  source: string;
  /** Where the zfb project goes; `<source>-zfb` beside the source by default. */
  out?: string;
  /** Plan only: nothing is written. */
  dry?: boolean;
  /** Replace a non-empty output folder; with `inPlace`, replace a source that git cannot give back. */
  force?: boolean;
  /** The source folder becomes the zfb project (its .git kept); only on a clean git tree unless `force`. */
  inPlace?: boolean;
  /** After writing: install the output, build it with zfb (and the source with Next.js), diff the two. */
  verify?: boolean;
  cwd?: string;
  /** Progress as the run goes (a bar on a terminal). */
  progress?: (event: ProgressEvent) => void;
  /** Where the project's own code prints while its data functions run; stderr by default. */
  userOutput?: Writable;
}

export type ProgressEvent =
  | { phase: 'scan'; files: number }
  | { phase: 'model' }
  | { phase: 'routes'; done: number; total: number }
  | { phase: 'write' }
  | { phase: 'verify'; step: string };

export interface MigrateResult {
  report: MigrationReport;
  /** Absolute output folder. */
  target: string;
  written: boolean;
  /** A URL was lost, a data function failed, or the verification found a difference: exit code 1. */
  failed: boolean;
}

/** Files of a Next.js project that the zfb project replaces with its own. */
const REPLACED = /^(?:next\.config\.(?:js|mjs|cjs|ts|mts)|next-env\.d\.ts|package\.json|tsconfig\.json|jsconfig\.json|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?)$/;
const MIDDLEWARE = /^(?:src\/)?(?:middleware|proxy)\.(?:ts|js|mjs|tsx|jsx)$/;
const MODULE = /\.(?:tsx|ts|jsx|js|mjs|cjs|mts|cts)$/;

/**
 * `zfb-next migrate`: a Next.js project in, a zfb project out, with the report of what moved and what did
 * not. Throws MigrateUsageError when it cannot run as asked (not a Next.js project, a bad output folder);
 * everything wrong inside the project is in the report.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const cwd = options.cwd ?? process.cwd();
  const given = path.resolve(cwd, options.source);
  if (options.inPlace && options.out) throw new MigrateUsageError('--in-place and --out exclude each other: --in-place writes the zfb project into the source folder');
  checkSource(options.source, given);
  // Real paths from here on (project/real-path.ts); the default output is beside the folder as it was given.
  const root = realPath(given);
  const target = options.inPlace ? root : realPath(path.resolve(cwd, options.out ?? `${given.replace(/[\\/]+$/, '')}-zfb`));
  const progress = options.progress ?? (() => {});
  if (!options.dry) {
    if (options.inPlace) checkInPlace(root, options.force ?? false);
    else checkTarget(root, target, options.force ?? false);
  }

  const { files, links } = scanSource(root, (count) => progress({ phase: 'scan', files: count }));
  progress({ phase: 'model' });
  const hostOptions = options.userOutput ? { userOutput: options.userOutput } : {};
  let model: RouteModel;
  let project: Project;
  try {
    model = await buildRouteModel(root, hostOptions);
    project = await inspectProject(root, hostOptions, { redirects: true });
  } catch (error) {
    if (error instanceof ProjectError || (error instanceof Error && error.name === 'ProjectError')) throw new MigrateUsageError(error.message);
    throw error;
  }
  const next = project.next!;
  const tree = new OutputTree();
  for (const [file, link] of links) tree.links.set(file, link);
  const ctx = new MigrationContext(root, tree, next.i18n);
  const relative = (dir: string | undefined) => (dir ? path.relative(root, dir).split(path.sep).join('/') : undefined);
  const pagesDir = relative(project.pagesDir);
  const appDir = relative(project.appDir);

  const userTsconfig = readUserTsconfig(ctx);
  if (userTsconfig.error) ctx.notMigrated.push({ file: userTsconfig.file!, reason: `${userTsconfig.error}; the zfb tsconfig.json starts from scratch` });
  const aliases = pathAliases(userTsconfig.config);
  const clients = clientModules(ctx, files, aliases);
  const mdxFiles = model.routes.filter((r) => (r.origin === 'next-app' || r.origin === 'next-pages') && r.kind === 'page' && /\.mdx?$/.test(r.file)).map((r) => r.file);
  const mdx = await compileMdxPages(ctx, mdxFiles, next, files);
  const graph = new ModuleGraph((file) => {
    const compiled = mdx.get(file);
    return compiled && 'code' in compiled ? compiled.code : ctx.read(file);
  }, clients.resolver);

  const redirects = next.redirects && 'rules' in next.redirects ? writeRedirects(ctx, next, next.redirects.rules) : [];
  const routes = await migrateRoutes(ctx, model, files, { pagesDir, appDir }, clients, graph, mdx, progress);
  for (const file of files) {
    if (MIDDLEWARE.test(file)) {
      ctx.notMigrated.push({ file, reason: 'middleware runs on a server for each request; a static zfb site has none (its redirects and rewrites belong in your host config)' });
    }
  }
  if (appDir) noteAppFiles(ctx, files, appDir);
  copyRest(ctx, files, clients);
  addZfbMdxComponents(ctx);
  const pageSide = tree.paths().filter((file) => /^pages\/.*\.tsx$/.test(file) || (appDir !== undefined && file.startsWith(`${appDir}/`) && /(?:^|\/)layout\.(?:tsx|ts|jsx|js)$/.test(file)) || file === PAGES_LAYOUT);
  const nodeOnlyImports = await stubNodeOnlyImports(ctx, aliases, pageSide);
  jsxModulesToJsx(tree);
  const svgLoader = files.find((f) => /^next\.config\./.test(f) && /@svgr\/webpack|['"]\*\.svg['"]/.test(ctx.read(f) ?? ''));
  migrateStaticImages(ctx, aliases, { basePath: next.basePath, svgLoader });

  const modules = files.filter((file) => MODULE.test(file));
  const firstLoaded = modules.filter((file) => /^(?:src\/)?(?:pages\/_app|app\/layout)\.[^/]+$/.test(file));
  const css = writeGlobalCss(ctx, [...firstLoaded, ...modules.filter((file) => !firstLoaded.includes(file))], aliases, files.some((f) => /\.module\.css$/.test(f)));
  for (const skipped of css.skipped) ctx.notMigrated.push(skipped);
  if (css.tailwind) ctx.notMigrated.push(...(await tailwindNotes(ctx, css.tailwindV3)), ...(await compileTailwindModules(ctx)));

  writeShims(ctx);
  writeFontShims(ctx, graph, modules);
  const dataPlugin = writeDataPlugin(ctx);
  writeTsconfig(ctx, userTsconfig);
  writeZfbConfig(ctx, { next, dataPlugin, tailwind: css.tailwind });
  const imported = new Set(modules.flatMap((file) => graph.info(file).imports.map((item) => packageName(item.specifier))));
  const packages = writePackageJson(ctx, dataPlugin, imported);
  for (const script of packages.droppedScripts) ctx.notMigrated.push({ file: 'package.json', reason: `the script "${script}" runs Next.js and was removed` });
  for (const change of packages.raised) ctx.notMigrated.push({ file: 'package.json', reason: `${change}: zfb 0.1.0-next.89 renders with React ^19.2.3, and npm refuses to install it beside an older React` });
  for (const file of links.keys()) {
    if (tree.occupies(file)) ctx.notMigrated.push({ file, reason: `a symbolic link (to ${links.get(file)}) where the output writes files of its own (its migrated pages); the link itself is not kept` });
  }
  for (const file of files.filter((f) => /^next\.config\./.test(f))) {
    ctx.notMigrated.push(...nextConfigNotes(file, readFileSync(path.join(root, file), 'utf8'), next.redirects));
  }

  addRouteErrors(routes, model);
  const urls = urlSets(model, routes);
  const report: MigrationReport = {
    schema: 'zfb-next-migrate',
    version: REPORT_VERSION,
    source: shown(cwd, root),
    output: shown(cwd, target),
    engines: { next: '16.4.6', zfb: ZFB_VERSION },
    summary: {
      routes: routes.length,
      migrated: routes.filter((r) => r.target.length > 0).length,
      urlsBefore: urls.before.length,
      urlsAfter: urls.after.length,
      urlsLost: urls.lost.length,
      markers: routes.reduce((sum, r) => sum + r.markers.length, 0),
      notMigrated: ctx.notMigrated.length,
      filesCopied: [...tree.files.values()].filter((f) => f.kind === 'copy').length,
      filesWritten: [...tree.files.values()].filter((f) => f.kind === 'text').length + 2,
      redirects: redirects.filter((r) => r.lines.length > 0).length,
    },
    routes,
    notMigrated: ctx.notMigrated,
    urls,
    redirects,
    unparsable: ctx.unparsable,
    nodeOnlyImports,
    diagnostics: model.diagnostics,
  };
  writeReport(tree, report);
  if (options.dry) return { report, target, written: false, failed: failed(report) };
  progress({ phase: 'write' });
  if (options.inPlace) await commitInPlace(tree, root);
  else await commitTree(tree, target);
  if (options.verify) {
    const { verifyMigration } = await import('./verify.js');
    await verifyMigration({ report, source: root, target, progress, inPlace: options.inPlace ?? false, ...(options.userOutput ? { userOutput: options.userOutput } : {}) });
  }
  return { report, target, written: true, failed: failed(report) };
}

function failed(report: MigrationReport): boolean {
  const verify = report.verify;
  const verifyFailed = verify !== undefined && (!verify.install.ok || !verify.zfbBuild.ok || (verify.nextBuild.ran && !verify.nextBuild.ok));
  const dataErrors = report.diagnostics.some((d) => d.severity === 'error');
  return report.urls.lost.length > 0 || report.unparsable.length > 0 || dataErrors || verifyFailed;
}

/** The route model's errors (a throwing getStaticPaths, an invalid entry) go to the routes they are about. */
function addRouteErrors(routes: RouteReport[], model: RouteModel): void {
  for (const diagnostic of model.diagnostics) {
    if (diagnostic.severity !== 'error' || !diagnostic.file) continue;
    const route = routes.find((r) => r.source.includes(diagnostic.file!));
    const text = `${diagnostic.code}${diagnostic.function ? ` in ${diagnostic.function}()` : ''}: ${diagnostic.message}`;
    if (route && !route.errors.includes(text)) route.errors.push(text);
  }
}

export function writeReport(tree: OutputTree, report: MigrationReport): void {
  tree.write('migration-report.json', JSON.stringify(report, null, 2) + '\n');
  tree.write('MIGRATION-REPORT.md', renderMarkdownReport(report));
}

function checkSource(given: string, root: string): void {
  try {
    assertDirectory(root);
  } catch (error) {
    throw new MigrateUsageError(`${given}: ${(error as Error).message.replace(/^.*?: /, '')}`);
  }
  if (['zfb.config.ts', 'zfb.config.json'].some((f) => existsSync(path.join(root, f))) || dependsOn(root, '@takazudo/zfb')) {
    throw new MigrateUsageError(`${given}: already a zfb project (it has a zfb.config or an @takazudo/zfb dependency); there is nothing to migrate`);
  }
  if (!looksLikeNext(root)) {
    throw new MigrateUsageError(`${given}: not a Next.js project (no next.config.*, no app/ folder and no next dependency in package.json)`);
  }
}

function dependsOn(root: string, name: string): boolean {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return false;
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
    return name in (pkg.dependencies ?? {}) || name in (pkg.devDependencies ?? {});
  } catch {
    return false;
  }
}

function shown(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

interface RouterDirs {
  pagesDir?: string | undefined;
  appDir?: string | undefined;
}

async function migrateRoutes(
  ctx: MigrationContext,
  model: RouteModel,
  files: readonly string[],
  dirs: RouterDirs,
  clients: ClientModules,
  graph: ModuleGraph,
  mdx: MdxPages,
  progress: NonNullable<MigrateOptions['progress']>,
): Promise<RouteReport[]> {
  const reports: RouteReport[] = [];
  const pageRoutes = model.routes.filter((route) => route.origin === 'next-pages');
  const appRoutes = model.routes.filter((route) => route.origin === 'next-app');
  const total = pageRoutes.length + appRoutes.length;
  let done = 0;
  const tick = () => progress({ phase: 'routes', done: ++done, total });
  // With app/, Next answers missing URLs with the app router's not-found page, never pages/404 (app.ts).
  const rootLayout = dirs.appDir ? files.find((f) => new RegExp(`^${dirs.appDir}/layout\\.(?:tsx|ts|jsx|js)$`).test(f)) : undefined;
  if (dirs.pagesDir) {
    writePagesLayout(ctx, dirs.pagesDir, files);
    const transform = await loadTransform('pages-to-zfb');
    for (const route of pageRoutes) {
      reports.push(migratePagesRoute(ctx, route, transform, mdx));
      tick();
    }
    for (const route of errorPages(files, dirs.pagesDir)) {
      if (route.pattern === '/404' && rootLayout) reports.push(keepShadowed404(ctx, route));
      else reports.push(migratePagesRoute(ctx, route, transform, mdx));
    }
  }
  if (dirs.appDir) {
    const app = new AppRouter(ctx, { appDir: dirs.appDir, files, transform: await loadTransform('app-to-zfb'), clients, graph, mdx });
    for (const route of appRoutes) {
      if (route.kind === 'route-handler') reports.push(migrateRouteHandler(ctx, route, dirs.appDir));
      else reports.push(app.migratePage(route));
      tick();
    }
    keepMdxSources(ctx, appRoutes);
    const notFound = files.find((f) => new RegExp(`^${dirs.appDir}/not-found\\.(?:tsx|ts|jsx|js)$`).test(f));
    if (notFound || rootLayout) reports.push(app.migrateNotFound(notFound));
  }
  return reports;
}

/**
 * The MDX pages of app/ stay in the output as they were, beside the zfb pages made of them: data code that
 * runs at build time often reads them from disk (a sitemap listing app/**\/page.mdx), and the next-data
 * plugin runs it in the output. zfb routes pages/ only, so the copies are never built.
 */
function keepMdxSources(ctx: MigrationContext, appRoutes: readonly Route[]): void {
  for (const route of appRoutes) {
    if (route.kind !== 'page' || !/\.mdx?$/.test(route.file) || ctx.tree.has(route.file)) continue;
    // A page that could not be migrated is kept aside already (keepAside).
    if (!ctx.notMigrated.some((n) => n.file === route.file)) ctx.tree.copy(route.file, ctx.abs(route.file));
  }
}

/** Which project modules are client modules ("use client"), and how imports find them. */
function clientModules(ctx: MigrationContext, files: readonly string[], aliases: PathAliases): ClientModules {
  const resolver = new ModuleResolver(new Set(files), aliases);
  const known = new Map<string, boolean>();
  return {
    resolver,
    isClient(file) {
      let client = known.get(file);
      if (client === undefined) {
        client = MODULE.test(file) && hasUseClient(ctx.read(file) ?? '');
        known.set(file, client);
      }
      return client;
    },
  };
}

/** App-router files a static zfb site has no use for (metadata files are routes: metadata-routes.ts). */
function noteAppFiles(ctx: MigrationContext, files: readonly string[], appDir: string): void {
  const special: [RegExp, string][] = [
    [/(?:^|\/)loading\.(?:tsx|ts|jsx|js)$/, 'loading.tsx is shown while a page streams in; zfb pages are complete HTML files, so it is never shown'],
    [/(?:^|\/)error\.(?:tsx|ts|jsx|js)$/, 'error.tsx catches errors while rendering on request; zfb fails the build instead'],
    [/(?:^|\/)global-error\.(?:tsx|ts|jsx|js)$/, 'global-error.tsx catches errors while rendering on request; zfb fails the build instead'],
    [/(?:^|\/)template\.(?:tsx|ts|jsx|js)$/, 'template.tsx re-mounts on navigation; zfb pages are separate documents, and the template is not rendered: move its markup into the layout'],
    [/(?:^|\/)default\.(?:tsx|ts|jsx|js)$/, 'default.tsx belongs to parallel routes, which zfb has not'],
  ];
  for (const file of files) {
    if (!file.startsWith(`${appDir}/`)) continue;
    const rest = file.slice(appDir.length + 1);
    for (const [pattern, reason] of special) if (pattern.test(rest)) ctx.notMigrated.push({ file, reason });
  }
}

/**
 * pages/404 and pages/500 are no routes of the model (no site URL), but zfb writes them as 404.html and
 * 500.html, so they are migrated like any static page.
 */
function errorPages(files: readonly string[], pagesDir: string): Route[] {
  const found: Route[] = [];
  for (const code of ['404', '500']) {
    const file = files.find((f) => new RegExp(`^${pagesDir}/${code}\\.(?:tsx|ts|jsx|js)$`).test(f));
    if (file) found.push({ pattern: `/${code}`, segments: [{ kind: 'static', value: code }], file, origin: 'next-pages', kind: 'page', providers: [], unmatched: 'not-found', entries: [] });
  }
  return found;
}

/**
 * Why pages/404 is not the zfb 404 page beside app/: next build copies the app router's /_not-found over
 * pages/404.html (app.ts, migrateNotFound), so Next.js never showed it.
 */
export const SHADOWED_404 = "Next.js never showed this page: with app/ it answers every missing URL with the app router's not-found page (app/not-found.tsx, or its built-in one inside the root layout), which became the zfb 404 page";

function keepShadowed404(ctx: MigrationContext, route: Route): RouteReport {
  const report = pagesReport(route);
  try {
    report.api = pagesApi(parseModule(ctx.read(route.file)!, route.file));
  } catch (error) {
    return keepUnparsable(ctx, route.file, report, error);
  }
  return keepAside(ctx, route.file, report, SHADOWED_404);
}

function pagesReport(route: Route): RouteReport {
  return {
    pattern: route.pattern,
    source: [route.file],
    api: route.kind === 'api' ? 'api' : 'static',
    target: [],
    transform: 'none',
    urls: { before: route.entries.length, after: 0 },
    markers: [],
    lossy: [],
    errors: [],
  };
}

function migratePagesRoute(ctx: MigrationContext, route: Route, transform: Transform, mdx: MdxPages = new Map()): RouteReport {
  const base = pagesReport(route);
  if (route.kind === 'api') return keepAside(ctx, route.file, base, 'API routes run on a server for each request; zfb builds static pages only');
  const compiled = mdx.get(route.file);
  if (compiled && 'error' in compiled) return keepAside(ctx, route.file, base, compiled.error);
  if (compiled) return migratePagesPage(ctx, { file: route.file, route, transform, mdx: compiled });
  if (!/\.(?:tsx|ts|jsx|js|mjs)$/.test(route.file)) {
    return keepAside(ctx, route.file, base, `zfb-next does not migrate ${path.extname(route.file)} pages`);
  }
  return migratePagesPage(ctx, { file: route.file, route, transform });
}

async function loadTransform(name: string): Promise<Transform> {
  return findTransform(name)!.load();
}

/**
 * Every source file no part of the migration took care of, copied with its bytes and mode; a server module
 * that renders client components gets their `<Island>` (islands.ts), and only then differs.
 */
function copyRest(ctx: MigrationContext, files: readonly string[], clients: ClientModules): void {
  for (const file of files) {
    if (ctx.handled.has(file) || REPLACED.test(file)) continue;
    const target = file.startsWith('src/pages/') ? `pages/${file.slice('src/pages/'.length)}` : file;
    if (ctx.tree.has(target)) continue;
    if (MODULE.test(file) && target === file) {
      const text = ctx.read(file)!;
      try {
        parseModule(text, file.replace(/\.(?:mjs|cjs)$/, '.js'));
      } catch (error) {
        ctx.unparsable.push({ file, error: error instanceof Error ? error.message : String(error) });
        ctx.tree.copy(target, ctx.abs(file));
        continue;
      }
      const islands = wrapIslands(text, file, clients);
      if (islands !== text) {
        ctx.tree.write(target, islands, statSync(ctx.abs(file)).mode & 0o7777);
        continue;
      }
    }
    ctx.tree.copy(target, ctx.abs(file));
  }
}

/** What of next.config a static zfb site cannot carry, one line each. */
function nextConfigNotes(file: string, text: string, redirects: NextProjectConfig['redirects']): { file: string; reason: string }[] {
  const notes: { file: string; reason: string }[] = [];
  // Redirects that were read went into public/_redirects (redirects.ts), which lists those it could not write.
  const redirectsError = redirects && 'error' in redirects ? redirects.error : undefined;
  const keys: [RegExp, string, string][] = [
    [/\bredirects\s*[(:]/, 'redirects', `${redirectsError ? `${redirectsError}, so ` : ''}no redirect was written into public/_redirects: move them into your host config`],
    [/\brewrites\s*[(:]/, 'rewrites', 'rewrites map URLs on a server; move them into your host config'],
    [/\bheaders\s*[(:]/, 'headers', 'response headers come from your host config (for example public/_headers)'],
    [/\bimages\s*:/, 'images', 'next/image serves the image file as it is (no resizing service on a static site)'],
    [/\bwebpack\s*[(:]/, 'webpack', "zfb bundles with its own bundler; a custom webpack config does not apply"],
    [/\bexperimental\s*:/, 'experimental', 'experimental Next.js options have no zfb meaning'],
  ];
  for (const [pattern, key, reason] of keys) {
    if (key === 'redirects' && redirects && 'rules' in redirects) continue;
    if (pattern.test(text)) notes.push({ file: `${file}#${key}`, reason });
  }
  return notes;
}
