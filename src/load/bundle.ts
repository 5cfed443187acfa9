import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { clientReferenceStub, hasUseClientDirective } from './client-boundary.js';
import { ImportGraph } from './import-graph.js';
import type { BundleSettings } from './bundle-settings.js';
import { inlineLoaderPlugin } from './inline-loaders.js';
import { mdxPlugin } from './mdx.js';
import { isNextSpecifier, standInFile } from './next-stand-ins/index.js';
import { isInNodeModules, moduleFormat, packageNameOf, packageOfFile } from './packages.js';
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
 *
 * In every layer: `next/*` imports load our stand-ins (src/load/next-stand-ins/), JSX is allowed in `.js`,
 * tsconfig/jsconfig paths apply, styles and assets load as inert values, `.mdx` compiles with the project's
 * own @next/mdx options, webpack's inline `!raw-loader!` requests give the file's text, and Node's built-ins
 * stay Node's.
 */

export type Layer = 'pages' | 'app' | 'zfb';
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
}

/** The bundle of each entry, by absolute entry path. */
export async function bundle(request: BundleRequest): Promise<Map<string, string>> {
  const { root, outdir } = request;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [...request.entries],
    outdir,
    outbase: root,
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
    conditions: request.layer === 'app' ? ['react-server'] : [],
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
  const outputs = new Map<string, string>();
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) outputs.set(entryPath(root, meta.entryPoint), path.resolve(root, out));
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
  };
  for (const [key, value] of Object.entries(request.settings.env)) {
    if (/^[A-Za-z_$][\w$]*$/.test(key)) define[`process.env.${key}`] = JSON.stringify(value);
  }
  return define;
}

function userCodePlugin(request: BundleRequest): esbuild.Plugin {
  const { root, layer, settings, graph } = request;
  const projectRequire = createRequire(path.join(root, 'package.json'));
  const builtInExternals = layer === 'app' ? nextServerExternalPackages(projectRequire) : [];
  const appExternals = new Set([...settings.serverExternalPackages, ...builtInExternals]);
  const transpiled = new Set(settings.transpilePackages);

  /** Whether a package stays out of the bundle and loads from node_modules at run time. */
  const isExternal = (name: string): boolean => {
    if (layer === 'pages') return !transpiled.has(name);
    if (layer === 'app') return appExternals.has(name);
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
      build.onResolve({ filter: STYLE }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'style-stand-in' }));
      build.onResolve({ filter: ASSET }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'asset-stand-in' }));
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
          const file = reactEntry(specifier, layer, root);
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
      build.onLoad({ filter: /.*/, namespace: 'style-stand-in' }, (args) => ({
        // A CSS module gives back its class names; a plain stylesheet is nothing to a server module.
        contents: CSS_MODULE.test(args.path)
          ? 'module.exports = Object.create(new Proxy({}, { get: (_, k) => (typeof k === "string" && k !== "__esModule" && k !== "then" ? k : undefined) }));'
          : 'module.exports = {};',
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'asset-stand-in' }, (args) => {
        // Next's static image import: { src, width, height }; other assets are their URL.
        const src = '/' + path.relative(root, args.path).split(path.sep).join('/');
        const value = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i.test(args.path) ? { src, width: 0, height: 0, blurDataURL: '' } : src;
        return { contents: `export default ${JSON.stringify(value)};`, loader: 'js' };
      });

      build.onLoad({ filter: SCRIPT }, async (args) => {
        if (args.namespace !== 'file') return undefined;
        // Next compiles project files and transpilePackages with SWC, JSX allowed in .js; packages as they are.
        const compiled = !isInNodeModules(args.path) || transpiled.has(packageOfFile(args.path) ?? '');
        // Only the app router's server layer swaps client modules for references.
        if (layer !== 'app' && (!compiled || !/\.[cm]?js$/.test(args.path))) return undefined;
        const contents = readFileSync(args.path, 'utf8');
        const loader = loaderFor(args.path, compiled);
        if (layer === 'app' && hasUseClientDirective(contents)) {
          return { contents: await clientReferenceStub(args.path, contents, loader, moduleFormat(args.path) === 'esm'), loader: 'js' };
        }
        return { contents, loader };
      });
    },
  };
}

/** Text files imported from code (`import notes from './notes.md'`), as a raw-loader rule gives them. */
function textPlugin(request: BundleRequest): esbuild.Plugin {
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

function loaderFor(file: string, compiled: boolean): esbuild.Loader {
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
