import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';
import { esbuild } from './esbuild.js';
import { clientReferenceStub, hasUseClientDirective } from './client-boundary.js';
import { ImportGraph } from './import-graph.js';
import type { BundleSettings } from './bundle-settings.js';
import { inlineLoaderPlugin } from './inline-loaders.js';
import { mdxPlugin } from './mdx.js';
import { ruleFor, runLoaders } from './webpack-loaders.js';
import { isNextSpecifier, standInFile } from './next-stand-ins/index.js';
import { isInNodeModules, moduleFormat, packageNameOf, packageOfFile } from './packages.js';
import { nextCompiledDir, resolveCompiled } from '../render/react-copies.js';
import { reactEntry } from './react-entry.js';

/**
 * Bundles user modules the way `next build` compiles them for the server, so what loads under Next.js loads
 * here and what fails there fails here:
 *
 * - `pages`: the pages router's server build keeps packages external and loads them from node_modules at
 *   run time (except `transpilePackages`). A CommonJS package is `require`d with the interop of a compiled
 *   bundle (named imports work); an ES module package is imported natively, so its own imports follow
 *   Node's strict rules.
 * - `app`: the app router bundles packages too, except `serverExternalPackages` and Next's built-in list
 *   (next/dist/lib/server-external-packages.jsonc), resolving with the `react-server` condition; a
 *   `"use client"` module becomes a client reference, as the server layer never runs client code.
 * - `zfb`: zfb's own bundler inlines every package.
 * - `rsc` and `ssr`: the two server halves of the app router when it renders (src/render/): as `app`, but
 *   React, react-dom and react-server-dom-webpack are Next's own copies (render/react-copies.ts), bundled so
 *   that each half has its instance: `rsc` with the `react-server` builds (server components), `ssr` with
 *   the ordinary ones (client components rendered to HTML).
 *
 * In every layer: `next/*` imports load our stand-ins (src/load/next-stand-ins/), JSX is allowed in `.js`,
 * tsconfig/jsconfig paths apply, styles and assets load as inert values, `.mdx` compiles with the project's
 * own @next/mdx options, webpack's inline `!raw-loader!` requests give the file's text, and Node's built-ins
 * stay Node's.
 */

export type Layer = 'pages' | 'app' | 'zfb' | 'rsc' | 'ssr';
export { DEFAULT_BUNDLE_SETTINGS, type BundleSettings } from './bundle-settings.js';

const STYLE = /\.(css|scss|sass|less|styl|pcss)$/i;
const CSS_MODULE = /\.module\.\w+$/i;
const ASSET = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg|woff2?|ttf|otf|eot|mp4|webm|mp3|wav|ogg|pdf|wasm)$/i;
const TEXT = /\.(md|txt|html)$/i;
const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;
const NODE_BUILTINS = new Set(builtinModules);
// Resolving a bare specifier again from inside onResolve must not land in the same callback.
const RESOLVING = Symbol('resolving');

// Next resolves these extensions (build/webpack-config.ts `resolve.extensions`, plus TypeScript's).
const RESOLVE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.cjs', '.mts', '.cts', '.json'];

export interface BundleRequest {
  root: string;
  entries: readonly string[];
  outdir: string;
  layer: Layer;
  settings: BundleSettings;
  /** When given, every resolved import is recorded (to explain a failure; it slows the build a little). */
  graph?: ImportGraph;
  /** The class names of each CSS module (absolute path), so server HTML uses the browser's names. */
  cssModules?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** The URL an imported asset is served at (render/assets.ts); its path below the root otherwise. */
  assetUrl?: (file: string) => string;
  /** Receives esbuild's metafile: who imports what (render/stylesheets.ts follows it to a page's CSS). */
  onMetafile?: (metafile: Esbuild.Metafile) => void;
  /** Filled with the `"use client"` modules the `rsc` layer turned into client references. */
  clientModules?: Set<string>;
}

/** The bundle of each entry, by absolute entry path. */
export async function bundle(request: BundleRequest): Promise<Map<string, string>> {
  const { root, outdir } = request;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [...request.entries],
    outdir,
    outbase: root,
    // One flat folder: no folder per route to create and remove (the metafile maps entries to outputs).
    entryNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    write: true,
    logLevel: 'silent',
    metafile: true,
    outExtension: { '.js': '.mjs' },
    resolveExtensions: request.settings.mdx ? [...RESOLVE_EXTENSIONS, '.mdx'] : RESOLVE_EXTENSIONS,
    conditions: request.layer === 'app' || request.layer === 'rsc' ? ['react-server'] : [],
    define: defines(request),
    // CommonJS code inside the bundle calls require() for Node's modules and the external packages.
    banner: {
      js: [
        "import { createRequire as __zfbCreateRequire } from 'node:module';",
        'const require = __zfbCreateRequire(import.meta.url);',
        `const __zfb_dirname = ${JSON.stringify(root)};`,
        `const __zfb_filename = ${JSON.stringify(path.join(root, 'index.js'))};`,
      ].join('\n'),
    },
    plugins: [...(request.settings.mdx ? [mdxPlugin(root, request.settings.mdx)] : []), inlineLoaderPlugin(root), userCodePlugin(request), textPlugin(request)],
  });
  request.onMetafile?.(result.metafile);
  const outputs = new Map<string, string>();
  // With splitting, the target of a dynamic import() is an entry point of its own in the metafile; it is
  // loaded when that import() runs, never up front.
  const requested = new Set(request.entries.map((e) => path.resolve(root, e)));
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const entry = entryPath(root, meta.entryPoint);
    if (requested.has(entry)) outputs.set(entry, path.resolve(root, out));
  }
  return outputs;
}

function entryPath(root: string, entryPoint: string): string {
  // A namespaced entry ("file:..."), as the mdx plugin reports its files, is still a file path.
  return path.resolve(root, entryPoint.replace(/^[a-z-]+:/, ''));
}

function defines(request: BundleRequest): Record<string, string> {
  const define: Record<string, string> = {
    // webpack and Turbopack give server modules these two; ES module output has neither.
    __dirname: '__zfb_dirname',
    __filename: '__zfb_filename',
    // As `next build` inlines it into every compilation, the server's too (next@16.4.6
    // build/define-env.ts `getDefineEnv`): a package's development build is left out of the bundle
    // (React's is most of the app router's server bundles: their size halved, and so did the time to make
    // and load them).
    'process.env.NODE_ENV': '"production"',
  };
  for (const [key, value] of Object.entries(request.settings.env)) {
    if (/^[A-Za-z_$][\w$]*$/.test(key)) define[`process.env.${key}`] = JSON.stringify(value);
  }
  return define;
}

function userCodePlugin(request: BundleRequest): Esbuild.Plugin {
  const { root, layer, settings, graph } = request;
  const projectRequire = createRequire(path.join(root, 'package.json'));
  const appLike = layer === 'app' || layer === 'rsc' || layer === 'ssr';
  const builtInExternals = appLike ? nextServerExternalPackages(projectRequire) : [];
  const compiledDir = layer === 'rsc' || layer === 'ssr' ? nextCompiledDir(root) : undefined;
  if ((layer === 'rsc' || layer === 'ssr') && !compiledDir) {
    throw new Error(`rendering the app router needs the project's own Next.js (next/dist/compiled/react-server-dom-webpack); install next in ${root}`);
  }
  // `webpack`: Next 15's copy of react-server-dom-webpack maps `node` to its unbundled build (modules loaded
  // by specifier with import()) unless the webpack condition is set, as webpack sets it; Next 16 has one.
  const compiledConditions = layer === 'rsc' ? ['react-server', 'node', 'webpack'] : ['node', 'webpack'];
  const appExternals = new Set([...settings.serverExternalPackages, ...builtInExternals]);
  const transpiled = new Set(settings.transpilePackages);

  /** Whether a package stays out of the bundle and loads from node_modules at run time. */
  const isExternal = (name: string): boolean => {
    if (layer === 'pages') return !transpiled.has(name);
    if (appLike) return appExternals.has(name);
    return false;
  };

  return {
    name: 'zfb-next-user-code',
    setup(build) {
      if (graph) {
        build.onResolve({ filter: /^\.{0,2}\// }, async (args) => {
          if (args.pluginData === RESOLVING || args.namespace !== 'file') return undefined;
          const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
          if (resolved.errors.length > 0) return { errors: resolved.errors };
          graph.edge(args.importer, resolved.path);
          return { path: resolved.path, external: resolved.external, namespace: resolved.namespace, sideEffects: resolved.sideEffects };
        });
      }

      if (compiledDir) {
        // Next's copies of React, bundled: the rsc and ssr halves each get their own instance.
        build.onResolve({ filter: /^(next\/dist\/compiled\/)?(react|react-dom|react-server-dom-webpack|scheduler)(\/.*)?$/ }, (args) => {
          const file = resolveCompiled(compiledDir, args.path, compiledConditions);
          return file ? { path: file } : undefined;
        });
      }

      build.onResolve({ filter: /^(next|server-only|client-only|@next\/font)(\/.*)?$/ }, (args) => {
        if (args.pluginData === RESOLVING || !isNextSpecifier(args.path)) return undefined;
        return { path: standInFile(args.path) };
      });

      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || args.namespace !== 'file') return undefined;
        const alias = settings.resolveAlias[args.path];
        if (alias !== undefined) {
          const target = alias.startsWith('.') ? path.resolve(root, alias) : alias;
          const resolved = await build.resolve(target, { kind: args.kind, resolveDir: root, importer: args.importer, pluginData: RESOLVING });
          return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, external: resolved.external, namespace: resolved.namespace };
        }
        return undefined;
      });

      // Styles and assets, before packages: `import 'katex/dist/katex.css'` must never reach require().
      // A bare specifier (`@/data/logo.svg` through tsconfig paths, `katex/dist/katex.css`) is resolved as
      // esbuild resolves any import; a relative one is a file beside the importer.
      const resolveFile = async (args: Esbuild.OnResolveArgs): Promise<{ path: string } | { errors: Esbuild.PartialMessage[] }> => {
        if (/^\.{0,2}\//.test(args.path) || path.isAbsolute(args.path)) return { path: path.resolve(args.resolveDir, args.path) };
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
        return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
      };
      for (const [filter, namespace] of [[STYLE, 'style-stand-in'], [ASSET, 'asset-stand-in']] as const) {
        build.onResolve({ filter }, async (args) => {
          if (args.pluginData === RESOLVING) return undefined;
          const file = await resolveFile(args);
          if ('errors' in file) return file;
          if (namespace === 'asset-stand-in') {
            const loaded = loaderNamespace(settings, file.path);
            if (loaded) return loaded;
          }
          return { path: file.path, namespace };
        });
      }
      webpackLoaderPlugin(build, root, settings);
      // The edge runtime's WebAssembly import (`import wasm from './x.wasm?module'`, as @vercel/og ships):
      // Next's edge build gives the compiled WebAssembly.Module (build/webpack-config.ts, the
      // next-middleware-wasm-loader rule for `resourceQuery: /module/`; server/web/sandbox/context.ts compiles it).
      build.onResolve({ filter: /\.wasm\?module$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?module'.length)), namespace: 'wasm-module' }));
      build.onResolve({ filter: /\.node$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'node-require' }));

      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || /^[A-Za-z]:[\\/]/.test(args.path)) return undefined;
        const specifier = args.path;
        if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!)) {
          return { path: specifier, external: true };
        }
        const name = packageNameOf(specifier);
        if (name === 'react' || name === 'react-dom') {
          // The rsc and ssr layers got Next's own copies above.
          const file = layer === 'rsc' || layer === 'ssr' ? undefined : reactEntry(specifier, layer, root);
          if (file) return { path: file, namespace: 'node-require' };
        }
        const resolved = await build.resolve(specifier, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: RESOLVING,
        });
        graph?.edge(args.importer, resolved.errors.length > 0 ? specifier : resolved.path);
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (resolved.external || !isInNodeModules(resolved.path)) return { path: resolved.path, external: resolved.external, namespace: resolved.namespace, sideEffects: resolved.sideEffects };
        if (!name.startsWith('#') && isExternal(name)) {
          // ES modules load natively, CommonJS through require(), as Next's externals do.
          return moduleFormat(resolved.path) === 'esm'
            ? { path: pathToFileURL(resolved.path).href, external: true }
            : { path: resolved.path, namespace: 'node-require' };
        }
        return { path: resolved.path, sideEffects: resolved.sideEffects };
      });

      // The require() inside that stand-in module is Node's, at run time.
      build.onResolve({ filter: /.*/, namespace: 'node-require' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'node-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'wasm-module' }, (args) => ({
        contents: `import { readFileSync } from 'node:fs';\nexport default new WebAssembly.Module(readFileSync(${JSON.stringify(args.path)}));`,
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'style-stand-in' }, (args) => {
        // A CSS module gives back its class names; a plain stylesheet is nothing to a server module.
        if (!CSS_MODULE.test(args.path)) return { contents: 'module.exports = {};', loader: 'js' };
        const names = request.cssModules?.get(args.path);
        if (names) return { contents: `module.exports = ${JSON.stringify(names)};`, loader: 'js' };
        return {
          contents: 'module.exports = Object.create(new Proxy({}, { get: (_, k) => (typeof k === "string" && k !== "__esModule" && k !== "then" ? k : undefined) }));',
          loader: 'js',
        };
      });
      build.onLoad({ filter: /.*/, namespace: 'asset-stand-in' }, (args) => {
        // Next's static image import: { src, width, height }; other assets are their URL.
        const src = request.assetUrl ? request.assetUrl(args.path) : '/' + path.relative(root, args.path).split(path.sep).join('/');
        const value = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i.test(args.path) ? staticImage(src, args.path) : src;
        return { contents: `export default ${JSON.stringify(value)};`, loader: 'js' };
      });

      build.onLoad({ filter: SCRIPT }, async (args) => {
        if (args.namespace !== 'file') return undefined;
        // Next compiles project files and transpilePackages with SWC, JSX allowed in .js; packages as they are.
        const compiled = !isInNodeModules(args.path) || transpiled.has(packageOfFile(args.path) ?? '');
        // Only the app router's server layer swaps client modules for references.
        const serverLayer = layer === 'app' || layer === 'rsc';
        if (!serverLayer && (!compiled || !/\.[cm]?js$/.test(args.path))) return undefined;
        const contents = readFileSync(args.path, 'utf8');
        if (serverLayer && hasUseClientDirective(contents)) {
          request.clientModules?.add(args.path);
          try {
            return { contents: await clientReferenceStub(args.path, contents, loaderFor(args.path, compiled), moduleFormat(args.path) === 'esm'), loader: 'js' };
          } catch (error) {
            return { errors: [{ text: (error as Error).message }] };
          }
        }
        if (!compiled || !/\.[cm]?js$/.test(args.path)) return undefined;
        return { contents, loader: loaderFor(args.path, compiled) };
      });
    },
  };
}

/**
 * A file next.config gives webpack loaders to (load/webpack-loaders.ts) goes to the `webpack-loader`
 * namespace, where the loaders' output is its code; undefined for any other file.
 */
export function loaderNamespace(settings: BundleSettings, file: string): Esbuild.OnResolveResult | undefined {
  if (settings.loaderRulesError) return { path: file, namespace: 'webpack-loader-error' };
  return settings.loaderRules && ruleFor(settings.loaderRules, file) ? { path: file, namespace: 'webpack-loader' } : undefined;
}

export function webpackLoaderPlugin(build: Esbuild.PluginBuild, root: string, settings: BundleSettings): void {
  build.onLoad({ filter: /.*/, namespace: 'webpack-loader' }, async (args) => {
    const rule = ruleFor(settings.loaderRules ?? [], args.path)!;
    try {
      return { contents: await runLoaders(rule, args.path, root), loader: 'jsx', resolveDir: path.dirname(args.path) };
    } catch (error) {
      return { errors: [{ text: error instanceof Error ? error.message : String(error) }] };
    }
  });
  build.onLoad({ filter: /.*/, namespace: 'webpack-loader-error' }, () => ({
    errors: [{ text: `next.config's webpack() could not be run to read its loader rules, so this file cannot be loaded as next build loads it: ${settings.loaderRulesError}` }],
  }));
}

/** Text files imported from code (`import notes from './notes.md'`), as a raw-loader rule gives them. */
function textPlugin(request: BundleRequest): Esbuild.Plugin {
  return {
    name: 'zfb-next-text',
    setup(build) {
      build.onLoad({ filter: TEXT }, (args) => {
        if (args.namespace !== 'file' || (request.settings.mdx && /\.md$/i.test(args.path) && request.settings.mdx.extension.test(args.path))) return undefined;
        return { contents: readFileSync(args.path, 'utf8'), loader: 'text' };
      });
    },
  };
}

/** Next's static image import, `{ src, width, height, blurDataURL }`, with the size read from the file. */
export function staticImage(src: string, file: string): { src: string; width?: number; height?: number; blurDataURL: string } {
  const size = imageSize(file);
  return size ? { src, width: size.width, height: size.height, blurDataURL: '' } : { src, blurDataURL: '' };
}

/** Width and height from a PNG, GIF, JPEG or WebP header; undefined for other formats or unreadable files. */
function imageSize(file: string): { width: number; height: number } | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data.length > 10 && data.toString('latin1', 0, 3) === 'GIF') return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  if (data.length > 30 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    const kind = data.toString('latin1', 12, 16);
    if (kind === 'VP8X') return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
    if (kind === 'VP8 ') return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
    if (kind === 'VP8L') {
      const bits = data.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return undefined;
      const marker = data[at + 1]!;
      const length = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** How esbuild reads a file: `.mjs`/`.mts` as ES modules, `.cjs`/`.cts` as CommonJS, others by package type. */
function esbuildFormat(file: string): 'esm' | 'cjs' {
  if (/\.m[jt]s$/.test(file)) return 'esm';
  if (/\.c[jt]s$/.test(file)) return 'cjs';
  return moduleFormat(file);
}

function loaderFor(file: string, compiled: boolean): Esbuild.Loader {
  if (/\.tsx$/.test(file)) return 'tsx';
  if (/\.[cm]?ts$/.test(file)) return 'ts';
  if (/\.jsx$/.test(file)) return 'jsx';
  return compiled ? 'jsx' : 'js';
}

/** Next's own list of packages it never bundles for the server, from the project's installed Next.js. */
function nextServerExternalPackages(projectRequire: NodeJS.Require): string[] {
  let nextDir: string;
  try {
    nextDir = path.dirname(projectRequire.resolve('next/package.json'));
  } catch {
    return [];
  }
  for (const name of ['server-external-packages.jsonc', 'server-external-packages.json']) {
    const file = path.join(nextDir, 'dist/lib', name);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    try {
      return (JSON.parse(text) as unknown[]).filter((x): x is string => typeof x === 'string');
    } catch {
      return [];
    }
  }
  return [];
}
