import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import { esbuild } from '../load/esbuild.js';
import { loaderNamespace, staticImage, webpackLoaderPlugin, type BundleSettings } from '../load/bundle.js';
import { inlineLoaderPlugin } from '../load/inline-loaders.js';
import { isNextSpecifier, standInFile } from '../load/next-stand-ins/index.js';
import type { AssetRegistry } from './assets.js';
import type { CssModule } from './css-modules.js';
import { resolveCompiled } from './react-copies.js';
import { stripDataExports } from './strip-data-exports.js';

/**
 * The browser's JavaScript, bundled with esbuild: ES modules, split into shared chunks, minified, with
 * content-hashed names under `<out>/_next/static/chunks/`.
 *
 * - pages router: one entry per page, `_app` + the page (without its data functions, see
 *   strip-data-exports.ts) + the hydration bootstrap, on the project's own React;
 * - app router: one entry per `"use client"` module (the client references of the server tree point at
 *   them) and the bootstrap that turns the page's inlined React Server Components payload back into the
 *   tree and hydrates it, on Next's own React (react-copies.ts).
 *
 * Stylesheets are not part of these bundles (render/stylesheets.ts links them); a CSS module import gives
 * the class names of the project-wide CSS module build, the same the server used.
 */

export interface ClientBuildContext {
  root: string;
  outDir: string;
  basePath: string;
  settings: BundleSettings;
  /** `process.env.X` values inlined into browser code (Next inlines NEXT_PUBLIC_* and next.config `env`). */
  env: Record<string, string>;
  cssModules: ReadonlyMap<string, CssModule>;
  assets: AssetRegistry;
  /** Where the bootstrap modules and stand-ins resolve React from when the project has none. */
  fallbackResolveDir: string;
  minify: boolean;
}

const CHUNKS_DIR = '_next/static/chunks';
const STYLE = /\.(css|scss|sass|less|styl|pcss)$/i;
// Resolving a specifier again from inside onResolve must not land in the same callback.
const RESOLVING = Symbol('resolving');
// The folder of the `next/*` stand-ins (load/next-stand-ins/).
const STAND_INS_DIR = path.dirname(standInFile('next/head')) + path.sep;
const ASSET = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg|woff2?|ttf|otf|eot|mp4|webm|mp3|wav|ogg|pdf)$/i;
const NODE_BUILTINS = new Set(builtinModules);

export interface PagesClientInput {
  /** Absolute path of `_app`, or undefined for Next's default App. */
  app?: string;
  /** Project-relative key → absolute page file. */
  pages: Record<string, string>;
  /** The file standing in for the default 404 page (next/error). */
  bootstrap: string;
}

/** One entry per page; returns each page's scripts (URLs). */
export async function buildPagesClient(context: ClientBuildContext, input: PagesClientInput): Promise<Record<string, string[]>> {
  const keys = Object.keys(input.pages);
  const pageFiles = new Set(Object.values(input.pages));
  const appImport = input.app ?? standInFile('next/app');
  const entryPoints = [...keys, '__not-found'].map((key, i) => ({ in: `zfb-page-entry:${i}`, out: entryName(key) }));
  const entryKey = new Map(entryPoints.map((e, i) => [e.in, i < keys.length ? keys[i]! : '__not-found']));
  const result = await esbuild.build({
    ...common(context),
    entryPoints,
    plugins: [
      {
        name: 'zfb-next-page-entries',
        setup(build) {
          build.onResolve({ filter: /^zfb-page-entry:/ }, (args) => ({ path: args.path.slice('zfb-page-entry:'.length), namespace: 'zfb-page-entry' }));
          build.onLoad({ filter: /.*/, namespace: 'zfb-page-entry' }, (args) => {
            const key = entryKey.get(`zfb-page-entry:${args.path}`)!;
            const page = key === '__not-found' ? standInFile('next/error') : input.pages[key]!;
            return {
              contents: [
                `import { hydratePage } from ${JSON.stringify(input.bootstrap)};`,
                `import App from ${JSON.stringify(appImport)};`,
                `import Page from ${JSON.stringify(page)};`,
                'hydratePage(App, Page);',
              ].join('\n'),
              loader: 'js',
              resolveDir: context.root,
            };
          });
          // The browser never gets a page's data functions nor what only they import.
          build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
            if (!pageFiles.has(args.path)) return undefined;
            return { contents: stripDataExports(readFileSync(args.path, 'utf8'), args.path), loader: loaderFor(args.path) };
          });
        },
      },
      inlineLoaderPlugin(context.root),
      browserPlugin(context, { kind: 'project' }),
    ],
  });
  const scripts: Record<string, string[]> = {};
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    const key = meta.entryPoint ? entryKey.get(meta.entryPoint) : undefined;
    if (key !== undefined) scripts[key] = [urlOf(context, out)];
  }
  return scripts;
}

export interface AppClientInput {
  clientModules: readonly string[];
  bootstrap: string;
  compiledDir: string;
}

export interface AppClientOutput {
  /** Absolute client module → its chunk URL. */
  modules: Record<string, string>;
  bootstrap: string;
}

export async function buildAppClient(context: ClientBuildContext, input: AppClientInput): Promise<AppClientOutput> {
  const entryPoints = [
    { in: input.bootstrap, out: 'app-bootstrap' },
    ...input.clientModules.map((file, i) => ({ in: file, out: `client-${i}-${path.basename(file).replace(/\.[^.]+$/, '')}` })),
  ];
  const result = await esbuild.build({
    ...common(context),
    entryPoints,
    plugins: [inlineLoaderPlugin(context.root), browserPlugin(context, { kind: 'compiled', dir: input.compiledDir })],
  });
  const modules: Record<string, string> = {};
  let bootstrap = '';
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const source = path.resolve(context.root, meta.entryPoint);
    if (source === input.bootstrap) bootstrap = urlOf(context, out);
    else modules[source] = urlOf(context, out);
  }
  return { modules, bootstrap };
}

function common(context: ClientBuildContext): Esbuild.BuildOptions & { metafile: true } {
  const define: Record<string, string> = { 'process.env.NODE_ENV': '"production"', __dirname: '"/"', __filename: '"/index.js"' };
  for (const [key, value] of Object.entries(context.env)) if (/^[A-Za-z_$][\w$]*$/.test(key)) define[`process.env.${key}`] = JSON.stringify(value);
  return {
    absWorkingDir: context.root,
    outdir: path.join(context.outDir, CHUNKS_DIR),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    minify: context.minify,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    write: true,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    define,
    resolveExtensions: ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.cjs', '.json'],
    loader: { '.js': 'jsx', '.mjs': 'jsx' },
  };
}

/** How browser code resolves: next/* stand-ins, one React, styles as class names, assets as URLs, no Node. */
function browserPlugin(context: ClientBuildContext, react: { kind: 'project' } | { kind: 'compiled'; dir: string }): Esbuild.Plugin {
  const projectRequire = createRequire(path.join(context.root, 'package.json'));
  const fallbackRequire = createRequire(path.join(context.fallbackResolveDir, 'index.js'));
  return {
    name: 'zfb-next-browser',
    setup(build) {
      build.onResolve({ filter: /^(next\/dist\/compiled\/)?(react|react-dom|scheduler|react-server-dom-webpack)(\/.*)?$/ }, (args) => {
        if (react.kind === 'compiled') {
          const file = resolveCompiled(react.dir, args.path, ['browser']);
          return file ? { path: file } : undefined;
        }
        if (args.path.startsWith('next/')) return undefined;
        for (const require of [projectRequire, fallbackRequire]) {
          try {
            return { path: require.resolve(args.path) };
          } catch {
            // next candidate
          }
        }
        return undefined;
      });
      build.onResolve({ filter: /^(next|server-only|client-only|@next\/font)(\/.*)?$/ }, (args) => {
        if (!isNextSpecifier(args.path) || args.path.startsWith('next/dist/compiled/')) return undefined;
        return { path: standInFile(args.path) };
      });
      // Every other way to a stand-in (one stand-in importing another, a page entry importing `next/app`'s)
      // resolves here too. esbuild gives a module the package type (its ESM interop) of the first resolution
      // that reaches it, and a plugin's answer carries none: a stand-in reached both ways was built either
      // way, and the chunk's bytes and hash changed from one build to the next.
      build.onResolve({ filter: /^(\.{1,2}\/|\/)/ }, async (args) => {
        if (args.pluginData === RESOLVING) return undefined;
        const fromStandIn = args.importer.startsWith(STAND_INS_DIR);
        if (!fromStandIn && !args.path.startsWith(STAND_INS_DIR)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return resolved.path.startsWith(STAND_INS_DIR) ? { path: resolved.path } : undefined;
      });
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const alias = context.settings.resolveAlias[args.path];
        if (alias === undefined) return undefined;
        return { path: alias.startsWith('.') ? path.resolve(context.root, alias) : projectRequire.resolve(alias) };
      });
      // Node's modules exist only on the server; an import left over in browser code goes if unused.
      build.onResolve({ filter: /^(node:)?[a-z_]+(\/.*)?$/ }, (args) => {
        const name = args.path.replace(/^node:/, '').split('/')[0]!;
        if (!args.path.startsWith('node:') && !NODE_BUILTINS.has(name)) return undefined;
        return { path: args.path, namespace: 'node-builtin', sideEffects: false };
      });
      build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));

      // `@/data/logo.svg` (tsconfig paths) or `katex/dist/katex.css` resolve as any import; `./x.css` is beside.
      const standIn = (namespace: string) => async (args: Esbuild.OnResolveArgs): Promise<Esbuild.OnResolveResult | undefined> => {
        if (args.pluginData === RESOLVING) return undefined;
        if (/^\.{0,2}\//.test(args.path) || path.isAbsolute(args.path)) return { path: path.resolve(args.resolveDir, args.path), namespace };
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
        return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, namespace };
      };
      build.onResolve({ filter: STYLE }, standIn('zfb-style'));
      build.onLoad({ filter: /.*/, namespace: 'zfb-style' }, (args) => {
        const names = context.cssModules.get(args.path)?.names;
        return { contents: names ? `export default ${JSON.stringify(names)};` : 'export {};', loader: 'js' };
      });
      const asset = standIn('zfb-browser-asset');
      build.onResolve({ filter: ASSET }, async (args) => {
        const resolved = await asset(args);
        return resolved?.path && resolved.namespace === 'zfb-browser-asset' ? (loaderNamespace(context.settings, resolved.path) ?? resolved) : resolved;
      });
      webpackLoaderPlugin(build, context.root, context.settings);
      build.onLoad({ filter: /.*/, namespace: 'zfb-browser-asset' }, (args) => {
        const url = context.assets.url(args.path);
        const image = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i.test(args.path);
        return { contents: `export default ${JSON.stringify(image ? staticImage(url, args.path) : url)};`, loader: 'js' };
      });
      build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        // Project files may hold JSX in .js; packages are plain JavaScript.
        if (args.path.split(path.sep).includes('node_modules')) return undefined;
        const contents = readFileSync(args.path, 'utf8');
        return { contents, loader: 'jsx' };
      });
    },
  };
}

function loaderFor(file: string): Esbuild.Loader {
  if (file.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(file)) return 'ts';
  return 'jsx';
}

function entryName(key: string): string {
  return 'page-' + (key.replace(/^(src\/)?pages\//, '').replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_') || 'index');
}

function urlOf(context: ClientBuildContext, out: string): string {
  const relative = path.relative(context.outDir, path.resolve(context.root, out)).split(path.sep).join('/');
  return `${context.basePath}/${relative}`;
}
