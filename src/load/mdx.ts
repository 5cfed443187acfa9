import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { standInModule } from './next-stand-ins/index.js';

/**
 * `.mdx` modules, compiled by the real MDX compiler with the options the project gives @next/mdx. Those come
 * from the evaluated next.config: @next/mdx (16.x) records its loader and options in `turbopack.rules`, where
 * `next build` reads them (see next-config.ts).
 */
export interface MdxSettings {
  /** Which files are MDX (@next/mdx's `extension`, `/\.mdx$/` by default). */
  extension: RegExp;
  /** @mdx-js/mdx compile options; remark/rehype plugins may be functions or package names (Turbopack's form). */
  options: Record<string, unknown>;
}

const PLUGIN_LISTS = ['remarkPlugins', 'rehypePlugins', 'recmaPlugins'] as const;
const PROVIDER_SPECIFIER = 'next-mdx-import-source-file';

export function mdxPlugin(root: string, settings: MdxSettings): esbuild.Plugin {
  return {
    name: 'zfb-next-mdx',
    async setup(build) {
      // Loaded here: the MDX compiler and its unified plugins are sizeable, and most projects have no MDX.
      const { default: mdxEsbuild } = await import('@mdx-js/esbuild');
      const options = await resolvePluginNames(root, settings.options);
      const compile = mdxEsbuild({ ...options, jsxImportSource: 'react', development: false });
      // @mdx-js/esbuild picks its files by extension; the project's `extension` pattern decides instead.
      const proxy: esbuild.PluginBuild = {
        ...build,
        onLoad: (_filter, callback) =>
          build.onLoad({ filter: /\.(mdx|md)$/ }, (args) => (settings.extension.test(args.path) ? callback(args) : undefined)),
      };
      build.onResolve({ filter: new RegExp(`^${PROVIDER_SPECIFIER}$`) }, () => ({ path: providerFile(root) }));
      await compile.setup(proxy);
    },
  };
}

/**
 * What @next/mdx aliases `next-mdx-import-source-file` to: the project's `mdx-components` file (src/ first),
 * else @mdx-js/react, else an empty provider.
 */
function providerFile(root: string): string {
  for (const base of [path.join(root, 'src', 'mdx-components'), path.join(root, 'mdx-components')]) {
    for (const extension of ['.tsx', '.ts', '.jsx', '.js', '.mjs']) if (existsSync(base + extension)) return base + extension;
  }
  try {
    return createRequire(path.join(root, 'package.json')).resolve('@mdx-js/react');
  } catch {
    return standInModule('mdx-components');
  }
}

/** `['remark-gfm', { singleTilde: false }]` and `'remark-gfm'` become the plugin functions, from the project. */
export async function resolvePluginNames(root: string, options: Record<string, unknown>): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = { ...options };
  const require = createRequire(path.join(root, 'package.json'));
  for (const key of PLUGIN_LISTS) {
    const list = options[key];
    if (!Array.isArray(list)) continue;
    resolved[key] = await Promise.all(
      list.map(async (entry: unknown) => {
        const [name, pluginOptions] = Array.isArray(entry) ? entry : [entry];
        if (typeof name !== 'string') return entry;
        const module = (await import(pathToFileURL(require.resolve(name)).href)) as { default?: unknown };
        const plugin = module.default ?? module;
        return pluginOptions === undefined ? plugin : [plugin, pluginOptions];
      }),
    );
  }
  return resolved;
}
