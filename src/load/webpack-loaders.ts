import { readFile, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Webpack loader rules for files that are not code, from next.config (`webpack(config)` adding to
 * `config.module.rules`, or `turbopack.rules`), run with the project's own loaders. The common case is
 * `@svgr/webpack`: `import Logo from './logo.svg'` is then a React component, not an image. Next.js runs
 * these loaders through webpack's loader-runner; this runs each one with the part of the loader context that
 * such loaders use (options, the resource path, async callbacks, the file system).
 */

export interface LoaderRule {
  /** The rule's `test`, as the source and flags of a RegExp (settings cross process boundaries as JSON). */
  test: { source: string; flags: string };
  /** In webpack's order of declaration: the last runs first. */
  loaders: { loader: string; options: unknown }[];
}

// A rule for code or styles is the bundler's own business (contentlayer adds one for `.mjs`, for instance).
const CODE_OR_STYLE = ['a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.tsx', 'a.css', 'a.module.css', 'a.scss'];

/**
 * The loader rules of a next.config: the `webpack` function called as `next build` calls it for the server
 * compilation (next@16.4.6 build/webpack-config.ts passes the config and `{ buildId, dev, isServer,
 * nextRuntime, defaultLoaders, config, dir }`), on a config with no rules, so what it adds is the project's;
 * then `turbopack.rules`. A loader that cannot be resolved from the project is an error, like webpack's.
 */
export function loaderRulesOf(raw: Record<string, unknown>, root: string): LoaderRule[] {
  const require = createRequire(path.join(root, 'package.json'));
  const rules: LoaderRule[] = [];
  if (typeof raw.webpack === 'function') {
    const config = emptyWebpackConfig() as { module?: { rules?: unknown[] } };
    const options = { buildId: 'zfb-next', dev: false, isServer: true, nextRuntime: 'nodejs', defaultLoaders: { babel: { loader: 'next-swc-loader', options: {} } }, config: raw, dir: root, webpack: WEBPACK_STAND_IN };
    const result = (raw.webpack as (config: object, options: object) => unknown)(config, options) as { module?: { rules?: unknown[] } } | undefined;
    for (const rule of (result ?? config).module?.rules ?? []) {
      const { test, use, loader, options: ruleOptions } = (rule ?? {}) as { test?: unknown; use?: unknown; loader?: unknown; options?: unknown };
      if (!(test instanceof RegExp) || CODE_OR_STYLE.some((f) => new RegExp(test.source, test.flags).test(f))) continue;
      const loaders = loaderList(use ?? (loader ? [{ loader, options: ruleOptions }] : []), require);
      if (loaders.length > 0) rules.push({ test: { source: test.source, flags: test.flags.replace('g', '') }, loaders });
    }
  }
  const experimental = (raw.experimental ?? {}) as Record<string, unknown>;
  const turbopack = (raw.turbopack ?? experimental.turbo ?? {}) as { rules?: Record<string, unknown> };
  for (const [glob, value] of Object.entries(turbopack.rules ?? {})) {
    // `*.svg`: the form these rules take; a path glob or a condition object is left to the other rules.
    const match = /^\*(\.[\w.]+)$/.exec(glob);
    if (!match || CODE_OR_STYLE.some((f) => f.endsWith(match[1]!))) continue;
    const loaders = loaderList((value as { loaders?: unknown } | null)?.loaders ?? (Array.isArray(value) ? value : []), require);
    if (loaders.length > 0) rules.push({ test: { source: `${match[1]!.replace(/\./g, '\\.')}$`, flags: '' }, loaders });
  }
  return rules;
}

// `options.webpack` is webpack itself; configs construct its plugins (`new webpack.DefinePlugin(...)`), which
// matter only to a webpack compilation: here every one is a plugin that does nothing.
const WEBPACK_STAND_IN = new Proxy(
  {},
  {
    get: () =>
      class {
        apply(): void {}
      },
  },
);

function emptyWebpackConfig(): Record<string, unknown> {
  return {
    mode: 'production',
    module: { rules: [], parser: {}, generator: {} },
    plugins: [],
    resolve: { alias: {}, fallback: {}, plugins: [], extensions: ['.js', '.mjs', '.tsx', '.ts', '.jsx', '.json', '.wasm'], modules: ['node_modules'] },
    resolveLoader: { alias: {} },
    externals: [],
    optimization: { splitChunks: { cacheGroups: {} }, minimizer: [] },
    output: {},
    experiments: {},
    watchOptions: {},
    performance: {},
    node: {},
  };
}

function loaderList(use: unknown, require: NodeJS.Require): LoaderRule['loaders'] {
  const items = Array.isArray(use) ? use : [use];
  const loaders: LoaderRule['loaders'] = [];
  for (const item of items) {
    const name = typeof item === 'string' ? item : (item as { loader?: unknown } | null)?.loader;
    if (typeof name !== 'string') continue;
    const options = typeof item === 'string' ? {} : ((item as { options?: unknown }).options ?? {});
    let resolved: string;
    try {
      resolved = require.resolve(name);
    } catch {
      throw new Error(`next.config adds the webpack loader ${JSON.stringify(name)}, which is not installed (Module not found: Can't resolve '${name}')`);
    }
    loaders.push({ loader: resolved, options });
  }
  return loaders;
}

export function ruleFor(rules: readonly LoaderRule[], file: string): LoaderRule | undefined {
  return rules.find((r) => new RegExp(r.test.source, r.test.flags).test(file));
}

type LoaderFunction = ((this: object, content: string | Buffer, map?: unknown, meta?: unknown) => unknown) & { raw?: boolean };

/** The file's content after its rule's loaders, last declared first, as webpack chains them. */
export async function runLoaders(rule: LoaderRule, file: string, root: string): Promise<string> {
  let content: string | Buffer = readFileSync(file);
  for (const { loader, options } of [...rule.loaders].reverse()) {
    const required = createRequire(file)(loader) as LoaderFunction | { default: LoaderFunction };
    const fn = typeof required === 'function' ? required : required.default;
    const input = fn.raw ? Buffer.from(content) : content.toString();
    try {
      content = await callLoader(fn, input, file, root, options);
    } catch (error) {
      throw new Error(`the webpack loader ${loaderName(loader)} failed on ${path.relative(root, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return content.toString();
}

function loaderName(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return file;
  return parts[at + 1]!.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]!;
}

function callLoader(fn: LoaderFunction, input: string | Buffer, file: string, root: string, options: unknown): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    let async = false;
    const callback = (error: unknown, result?: string | Buffer): void => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result ?? ''));
    const context = {
      resourcePath: file,
      resource: file,
      resourceQuery: '',
      context: path.dirname(file),
      rootContext: root,
      mode: 'production',
      sourceMap: false,
      query: options,
      getOptions: () => options,
      async: () => {
        async = true;
        return callback;
      },
      callback: (error: unknown, result?: string | Buffer) => {
        async = true;
        callback(error, result);
      },
      cacheable: () => undefined,
      addDependency: () => undefined,
      addContextDependency: () => undefined,
      addMissingDependency: () => undefined,
      dependency: () => undefined,
      emitWarning: () => undefined,
      emitError: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      fs: { readFile },
    };
    try {
      const returned = fn.call(context, input);
      if (async) return;
      if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<string | Buffer>).then(resolve, reject);
      else resolve(returned as string | Buffer);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
