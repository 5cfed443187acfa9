import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { isNextSpecifier, nextShimSource } from './next-shims.js';

/**
 * Runs user modules (TS, TSX, JS, MJS) in Node. esbuild bundles the project's own files and leaves its
 * packages external, so they resolve from the project's node_modules exactly as in `next build`; `next/*`
 * imports are shimmed; style and asset imports become inert values.
 */

export interface LoadError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type Loaded = { ok: true; module: Record<string, unknown> } | { ok: false; error: LoadError };

const ASSET = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg|woff2?|ttf|otf|eot|mp4|webm|mp3|wav|pdf|txt)$/i;
const STYLE = /\.(css|scss|sass|less|styl)$/i;

function shimPlugin(root: string): esbuild.Plugin {
  return {
    name: 'zfb-next-shims',
    setup(build) {
      build.onResolve({ filter: /^(next|server-only|client-only)(\/.*)?$/ }, (args) =>
        isNextSpecifier(args.path) ? { path: args.path, namespace: 'next-shim' } : undefined,
      );
      build.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, (args) => {
        const fallback = jsxRuntimeFallback(args.path, args.resolveDir || root);
        return fallback ? { path: fallback, external: true } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'next-shim' }, (args) => ({
        contents: nextShimSource(args.path),
        loader: 'js',
      }));
      // CSS modules give their class names back; plain stylesheets and assets load as inert values.
      build.onResolve({ filter: STYLE }, (args) => ({
        path: path.resolve(args.resolveDir, args.path),
        namespace: 'style-shim',
      }));
      build.onLoad({ filter: /.*/, namespace: 'style-shim' }, (args) => ({
        contents: /\.module\.\w+$/.test(args.path)
          ? 'module.exports = new Proxy({}, { get: (_, k) => (k === "__esModule" ? false : String(k)) });'
          : 'module.exports = {};',
        loader: 'js',
      }));
      build.onResolve({ filter: ASSET }, (args) => ({
        path: path.resolve(args.resolveDir, args.path),
        namespace: 'asset-shim',
      }));
      build.onLoad({ filter: /.*/, namespace: 'asset-shim' }, (args) => {
        const src = '/' + path.relative(root, args.path).split(path.sep).join('/');
        return { contents: `export default ${JSON.stringify({ src, width: 0, height: 0 })};`, loader: 'js' };
      });
    },
  };
}

function cacheDir(root: string): string {
  // In the node_modules the project itself resolves from (its own, or the nearest one above it, as Node
  // looks them up), so the bundle's bare imports find exactly the packages the project would.
  const base = nearestNodeModules(root) ?? tmpdir();
  const dir = path.join(base, '.cache', 'zfb-next', createHash('sha1').update(`${process.pid}:${Date.now()}:${Math.random()}`).digest('hex').slice(0, 12));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function nearestNodeModules(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const ownRequire = createRequire(import.meta.url);

/**
 * The JSX runtime is needed just to evaluate a page module, not to render it; a project that cannot
 * resolve React itself (a bare folder of pages) borrows ours instead of failing on every file.
 */
function jsxRuntimeFallback(specifier: string, resolveDir: string): string | undefined {
  try {
    createRequire(path.join(resolveDir, 'index.js')).resolve(specifier);
    return undefined;
  } catch {
    try {
      return pathToFileURL(ownRequire.resolve(specifier)).href;
    } catch {
      return undefined;
    }
  }
}

function toLoadError(error: unknown, root: string): LoadError {
  const failure = error as Partial<esbuild.BuildFailure>;
  const first = failure.errors?.[0];
  if (first) {
    return {
      message: first.text,
      file: first.location ? path.relative(root, path.resolve(root, first.location.file)).split(path.sep).join('/') : undefined,
      line: first.location?.line,
      column: first.location ? first.location.column + 1 : undefined,
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

async function bundle(entries: string[], root: string, outdir: string): Promise<Map<string, string>> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    outbase: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    write: false,
    logLevel: 'silent',
    metafile: true,
    outExtension: { '.js': '.mjs' },
    plugins: [shimPlugin(root)],
  });
  const outputs = new Map<string, string>();
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) outputs.set(path.resolve(root, meta.entryPoint), path.resolve(root, out));
  }
  return outputs;
}

/**
 * A set of loaded user modules and the place their bundles live. Keep it open while calling the modules'
 * functions: their lazy `import()` chunks are read from it. `run` gives user code the project root as its
 * working directory, as `next build` does.
 */
export class ModuleSession {
  private readonly outdir: string;
  private batch = 0;

  constructor(readonly root: string) {
    this.outdir = cacheDir(root);
  }

  /**
   * Loads every file (absolute paths) and returns its module namespace or a located error. One esbuild pass
   * serves all files; if any of them fails to build, each is retried alone so one bad file cannot hide the
   * others.
   */
  async load(files: readonly string[]): Promise<Map<string, Loaded>> {
    const results = new Map<string, Loaded>();
    if (files.length === 0) return results;
    let outputs: Map<string, string>;
    try {
      outputs = await bundle([...files], this.root, path.join(this.outdir, String(this.batch++)));
    } catch {
      outputs = new Map();
      for (const file of files) {
        try {
          const one = await bundle([file], this.root, path.join(this.outdir, String(this.batch++)));
          for (const [k, v] of one) outputs.set(k, v);
        } catch (error) {
          results.set(file, { ok: false, error: toLoadError(error, this.root) });
        }
      }
    }
    for (const file of files) {
      const out = outputs.get(file);
      if (!out) continue;
      try {
        const module = await this.run(() => import(pathToFileURL(out).href) as Promise<Record<string, unknown>>);
        results.set(file, { ok: true, module });
      } catch (error) {
        results.set(file, { ok: false, error: runtimeError(error) });
      }
    }
    return results;
  }

  /** Runs user code with the project root as `process.cwd()`. */
  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const previous = process.cwd();
    process.chdir(this.root);
    try {
      return await fn();
    } finally {
      process.chdir(previous);
    }
  }

  close(): void {
    rmSync(this.outdir, { recursive: true, force: true });
  }
}

function runtimeError(error: unknown): LoadError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === 'ERR_MODULE_NOT_FOUND') {
    const pkg = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
    // Named relative to the project, so reports read the same on every machine.
    if (pkg) return { message: `Cannot find package '${pkg}' (is it installed in the project's node_modules?)` };
  }
  return { message };
}
