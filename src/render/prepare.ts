import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, DEFAULT_BUNDLE_SETTINGS } from '../load/bundle.js';
import type { CallGuard } from '../load/call-guard.js';
import { standInFile } from '../load/next-stand-ins/index.js';
import type { Route, RouteModel } from '../model/types.js';
import type { Project } from '../project/types.js';
import { AssetRegistry } from './assets.js';
import { chainFiles, find, segmentChain } from './app/segments.js';
import { buildAppClient, buildPagesClient } from './client-bundles.js';
import { compileCssModules, findCssModules, type CssModule } from './css-modules.js';
import { loadPostCss, type CssTransform } from './postcss.js';
import { nextCompiledDir } from './react-copies.js';
import { ImportGraphs, writeStylesheets } from './stylesheets.js';
import type { AppManifest, AppSegment, PagesManifest, RenderManifest } from './types.js';
import { nextRules } from '../project/next-version.js';

/**
 * Everything a site's renders share, made once per build (in the process that runs the project's code):
 * the server bundles of both routers, the browser bundles, the stylesheets and imported assets (written
 * into `outDir`), and the manifest that ties them together for the renderer (render/index.ts).
 */

export interface PrepareOptions {
  /** The site folder being written: client chunks, stylesheets and assets go below it. */
  outDir: string;
  /** Where server bundles go (a temporary folder the caller removes). */
  tmpDir: string;
  guard: CallGuard;
  minify?: boolean;
  /** The styles' setup, when the caller started it before the route model was known (prepareStyles). */
  styles?: Promise<StyleSetup>;
}

/** What the stylesheets and CSS modules of a build share; none of it needs the route model. */
export interface StyleSetup {
  postcss: CssTransform | undefined;
  assets: AssetRegistry;
  cssModules: Map<string, CssModule>;
}

// Beside this module: src/render/ in the sources, dist/src/render/ once compiled; the CLI bundle in
// dist/cli/ finds the compiled ones.
const OWN_DIRS = [new URL('./', import.meta.url), new URL('../src/render/', import.meta.url)].map((u) => fileURLToPath(u));

function ownFile(relative: string): string {
  for (const dir of OWN_DIRS) {
    for (const extension of ['.js', '.ts']) {
      const file = path.join(dir, relative + extension);
      if (existsSync(file)) return file;
    }
  }
  throw new Error(`zfb-next: ${relative} is missing from its installation`);
}

/**
 * The project's PostCSS pipeline and its CSS modules compiled. The build starts this while the route model
 * is computed: loading a Tailwind setup took react.dev 2.5 s, and the model waits on its data meanwhile.
 */
export async function prepareStyles(project: Project, options: { outDir: string; minify?: boolean }): Promise<StyleSetup> {
  const postcss = await loadPostCss(project.root);
  const assets = new AssetRegistry(project.next?.basePath ?? '');
  const cssModules = await compileCssModules(project.root, findCssModules(project.root, [options.outDir]), {
    postcss,
    assetPlugin: assets.plugin(/\.(png|jpe?g|gif|webp|avif|ico|bmp|svg|woff2?|ttf|otf|eot)(\?.*)?$/i),
    minify: options.minify ?? true,
  });
  return { postcss, assets, cssModules };
}

export async function prepareRender(project: Project, model: RouteModel, options: PrepareOptions): Promise<RenderManifest> {
  const root = project.root;
  const next = project.next;
  const settings = next?.bundle ?? DEFAULT_BUNDLE_SETTINGS;
  const basePath = next?.basePath ?? '';
  const minify = options.minify ?? true;
  const rules = nextRules(next);
  const { postcss, assets, cssModules } = await (options.styles ?? prepareStyles(project, options));
  const cssNames = new Map([...cssModules].map(([file, m]) => [file, m.names]));
  const env: Record<string, string> = { ...settings.env };
  for (const [key, value] of Object.entries(process.env)) if (key.startsWith('NEXT_PUBLIC_') && value !== undefined) env[key] = value;
  const clientContext = { root, outDir: options.outDir, basePath, settings, env, cssModules, assets, fallbackResolveDir: path.dirname(fileURLToPath(import.meta.url)), minify };
  const abs = (relative: string): string => path.join(root, relative);
  const pageStyles = new Map<string, string[]>();

  const manifest: RenderManifest = {
    root,
    site: {
      basePath,
      trailingSlash: next?.trailingSlash ?? false,
      ...(next?.i18n ? { i18n: next.i18n } : {}),
      buildId: createHash('sha256').update(JSON.stringify(model.routes.map((r) => [r.file, r.entries.length]))).digest('base64url').slice(0, 21),
      limitMs: options.guard.limitMs,
      concurrency: next?.staticGenerationMaxConcurrency ?? 8,
      paramsAs: rules.paramsAs,
      metadataArgs: rules.metadataArgs,
    },
  };

  const rendered = (route: Route): boolean => route.kind !== 'api' && (route.entries.length > 0 || route.unmatched === 'fallback');
  const pageRoutes = model.routes.filter((r) => r.origin !== 'next-app' && r.kind === 'page' && rendered(r));
  // Everything runs at once where one part does not need another's result: esbuild works on several
  // bundles in parallel, and the render hosts wait for the whole. The server bundles' import graphs say
  // which stylesheets each page uses, so the stylesheets start once those are done, alongside the browser
  // bundles. The browser bundles are in `browserBundles`, awaited with the stylesheets.
  const browserBundles: Promise<void>[] = [];
  // Stylesheets are listed pages first, then app, whichever is done first.
  const pagesStyles = new Set<string>();
  const appStyles = new Set<string>();
  const preparePages = async (): Promise<void> => {
    if (!project.pagesDir) return;
    const pagesDir = project.pagesDir;
    const extensions = next?.pageExtensions ?? ['tsx', 'ts', 'jsx', 'js'];
    const appFile = find(pagesDir, '_app', extensions);
    const documentFile = find(pagesDir, '_document', extensions);
    const notFoundFile = find(pagesDir, '404', extensions);
    const pageFiles = [...new Set([...pageRoutes.map((r) => abs(r.file)), ...(notFoundFile ? [notFoundFile] : [])])];
    const client: PagesManifest['client'] = {};
    for (const file of pageFiles) client[rel(root, file)] = { scripts: [], styles: [] };
    const notFoundClient: PagesManifest['notFoundClient'] = { scripts: [], styles: [] };
    browserBundles.push(
      buildPagesClient(clientContext, {
        ...(appFile ? { app: appFile } : {}),
        pages: Object.fromEntries(pageFiles.map((file) => [rel(root, file), file])),
        bootstrap: ownFile('browser/pages-client'),
      }).then((scripts) => {
        for (const [key, value] of Object.entries(client)) value.scripts = scripts[key] ?? [];
        notFoundClient.scripts = scripts['__not-found'] ?? [];
      }),
    );
    const standIns = ['next/app', 'next/document', 'next/error'].map((s) => standInFile(s));
    const entries = [...new Set([...(appFile ? [appFile] : []), ...(documentFile ? [documentFile] : []), ...pageFiles, ...standIns])];
    const graphs = new ImportGraphs(root);
    const outputs = await bundle({
      root,
      entries,
      outdir: path.join(options.tmpDir, 'pages'),
      layer: 'pages',
      settings,
      cssModules: cssNames,
      assetUrl: (file) => assets.url(file),
      onMetafile: (m) => graphs.add(m),
    });
    const server: Record<string, string> = {};
    for (const [file, out] of outputs) {
      const name = ['next/app', 'next/document', 'next/error'][standIns.indexOf(file)];
      server[name ?? rel(root, file)] = out;
    }
    for (const file of pageFiles) {
      const styles = graphs.stylesOf([...(appFile ? [appFile] : []), file]);
      styles.forEach((s) => pagesStyles.add(s));
      pageStyles.set(`pages:${rel(root, file)}`, styles);
    }
    const notFoundStyles = graphs.stylesOf(appFile ? [appFile] : []);
    notFoundStyles.forEach((s) => pagesStyles.add(s));
    pageStyles.set('pages:', notFoundStyles);
    manifest.pages = {
      server,
      ...(appFile ? { app: rel(root, appFile) } : {}),
      ...(documentFile ? { document: rel(root, documentFile) } : {}),
      client,
      notFoundClient,
    };
  };

  const appRoutes = model.routes.filter((r) => r.origin === 'next-app' && rendered(r));
  const prepareApp = async (): Promise<void> => {
    if (!(project.appDir && (appRoutes.length > 0 || find(project.appDir, 'layout', next?.pageExtensions ?? ['tsx', 'ts', 'jsx', 'js'])))) return;
    const appDir = project.appDir;
    const extensions = next?.pageExtensions ?? ['tsx', 'ts', 'jsx', 'js'];
    const compiledDir = nextCompiledDir(root);
    if (!compiledDir) throw new Error(`rendering the app router needs the project's own Next.js (next/dist/compiled/react-server-dom-webpack): install next in ${root}`);
    const trees: Record<string, AppSegment[]> = {};
    const chains = new Map<string, string[]>();
    const toSegments = (routeFile: string): AppSegment[] =>
      segmentChain(appDir, routeFile, extensions).map((segment) => {
        const value: AppSegment = { params: folderParams(path.relative(appDir, segment.dir)) };
        if (segment.layout) value.layout = rel(root, segment.layout);
        if (segment.template) value.template = rel(root, segment.template);
        if (segment.notFound) value.notFound = rel(root, segment.notFound);
        if (segment.loading) value.loading = rel(root, segment.loading);
        return value;
      });
    const rootPage = path.join(appDir, 'page.tsx');
    trees[''] = toSegments(rootPage).slice(0, 1);
    chains.set('', chainFiles(segmentChain(appDir, rootPage, extensions).slice(0, 1), '').filter(Boolean));
    for (const route of appRoutes) {
      trees[route.file] = route.kind === 'route-handler' ? [] : toSegments(abs(route.file));
      chains.set(route.file, route.kind === 'route-handler' ? [abs(route.file)] : chainFiles(segmentChain(appDir, abs(route.file), extensions), abs(route.file)));
    }
    const rscRuntime = ownFile('app/rsc-runtime');
    const ssrRuntime = ownFile('app/ssr-runtime');
    // A metadata file served as it is (`robots.txt`, `icon.png`) is not code: the renderer copies it.
    const serverFiles = [...new Set([...chains.values()].flat())].filter((f) => /\.(?:[cm]?[jt]sx?|mdx?)$/.test(f));
    const graphs = new ImportGraphs(root);
    const clientModules = new Set<string>();
    const rscOutputs = await bundle({
      root,
      entries: [rscRuntime, ...serverFiles],
      outdir: path.join(options.tmpDir, 'rsc'),
      layer: 'rsc',
      settings,
      cssModules: cssNames,
      assetUrl: (file) => assets.url(file),
      onMetafile: (m) => graphs.add(m),
      clientModules,
    });
    const clients = [...clientModules].sort();
    const rsc: Record<string, string> = {};
    for (const [file, out] of rscOutputs) if (file !== rscRuntime) rsc[rel(root, file)] = out;
    const app: NonNullable<RenderManifest['app']> = {
      rsc,
      rscRuntime: rscOutputs.get(rscRuntime)!,
      ssrRuntime: '',
      ssrModules: {},
      clientModules: {},
      bootstrap: '',
      trees,
      styles: {},
      notFoundStyles: [],
    };
    browserBundles.push(
      buildAppClient(clientContext, { clientModules: clients, bootstrap: ownFile('browser/app-client'), compiledDir }).then((browser) => {
        app.clientModules = browser.modules;
        app.bootstrap = browser.bootstrap;
      }),
    );
    const ssrOutputs = await bundle({
      root,
      entries: [ssrRuntime, ...clients],
      outdir: path.join(options.tmpDir, 'ssr'),
      layer: 'ssr',
      settings,
      cssModules: cssNames,
      assetUrl: (file) => assets.url(file),
      onMetafile: (m) => graphs.add(m),
    });
    app.ssrRuntime = ssrOutputs.get(ssrRuntime)!;
    for (const [file, out] of ssrOutputs) if (file !== ssrRuntime) app.ssrModules[file] = out;
    for (const [key, files] of chains) {
      const styles = graphs.stylesOf(files);
      styles.forEach((s) => appStyles.add(s));
      pageStyles.set(`app:${key}`, styles);
    }
    manifest.app = app;
  };

  const servers = await Promise.allSettled([preparePages(), prepareApp()]);
  const stylesheets = servers.every((s) => s.status === 'fulfilled')
    ? writeStylesheets({ root, outDir: options.outDir, basePath, assets, cssModules, minify, ...(postcss ? { postcss } : {}) }, [...new Set([...pagesStyles, ...appStyles])])
    : Promise.resolve(new Map<string, string>());
  // Everything started runs to its end before a failure is thrown: a rejection left behind would read as
  // user code's. A server bundle's failure comes first: a browser bundle of the same code fails too.
  const [urls, ...browsers] = await Promise.allSettled([stylesheets, ...browserBundles]);
  for (const settled of [...servers, urls, ...browsers]) if (settled.status === 'rejected') throw settled.reason;
  const hrefs = (key: string): string[] =>
    (pageStyles.get(key) ?? []).map((file) => (urls as PromiseFulfilledResult<Map<string, string>>).value.get(file)).filter((u): u is string => u !== undefined);
  if (manifest.pages) {
    for (const [file, client] of Object.entries(manifest.pages.client)) client.styles = hrefs(`pages:${file}`);
    manifest.pages.notFoundClient.styles = hrefs('pages:');
  }
  if (manifest.app) {
    for (const key of Object.keys(manifest.app.trees)) if (key) manifest.app.styles[key] = hrefs(`app:${key}`);
    manifest.app.notFoundStyles = hrefs('app:');
  }
  for (const [source, target] of assets.files) {
    mkdirSync(path.dirname(path.join(options.outDir, target)), { recursive: true });
    copyFileSync(source, path.join(options.outDir, target));
  }
  return manifest;
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The params a folder of app/ adds: `[slug]`, `[...all]`, `[[...maybe]]`. */
function folderParams(relativeDir: string): string[] {
  const name = relativeDir.split(path.sep).pop() ?? '';
  const match = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(name);
  return match ? [match[1]!] : [];
}
