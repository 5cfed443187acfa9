import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The project's own PostCSS setup, found and read the way next@16.4.6 reads it
 * (build/webpack/config/blocks/css/plugins.ts `getPostCssPlugins`, lib/find-config.ts): the first of
 * `.postcssrc.json`, `.postcssrc`, `postcss.config.json`, `.postcssrc.js`, `postcss.config.js`,
 * `postcss.config.mjs`, `postcss.config.cjs`, `postcss.config.ts`, else the `postcss` key of package.json.
 * `plugins` is an object (`{ '@tailwindcss/postcss': {} }`, `false` turns a plugin off) or an array of
 * names, `[name, options]` pairs and plugin values; names resolve from the project, so Tailwind is the
 * project's own. PostCSS itself comes from the project too, else from zfb-next's dependencies.
 *
 * Without a config Next.js applies its own default plugins (flexbugs fixes and preset-env autoprefixing);
 * those change how rules are written, never which rules apply, and are not applied here.
 */

export type CssTransform = (css: string, file: string) => Promise<string>;

const CONFIG_FILES = ['.postcssrc.json', '.postcssrc', 'postcss.config.json', '.postcssrc.js', 'postcss.config.js', 'postcss.config.mjs', 'postcss.config.cjs', 'postcss.config.ts'];

interface Processor {
  process(css: string, options: { from: string; to?: string }): PromiseLike<{ css: string }>;
}

/** The project's PostCSS pipeline, or undefined when it has no PostCSS config. */
export async function loadPostCss(root: string): Promise<CssTransform | undefined> {
  const config = await readConfig(root);
  if (!config) return undefined;
  const require = createRequire(path.join(root, 'package.json'));
  const plugins = await pluginList(config.value.plugins, require, config.file);
  if (plugins.length === 0) return undefined;
  const postcss = loadPostcssItself(require);
  const processor = postcss(plugins);
  return async (css, file) => (await processor.process(css, { from: file, to: file })).css;
}

/**
 * The plugin names of the project's PostCSS config, with the file that lists them (plugin values given
 * inline have no name and are counted as `(inline plugin)`); undefined without a config.
 */
export async function postCssPluginNames(root: string): Promise<{ file: string; names: string[] } | undefined> {
  const config = await readConfig(root);
  if (!config) return undefined;
  const plugins = config.value.plugins;
  const names: string[] = [];
  if (Array.isArray(plugins)) {
    for (const entry of plugins) {
      if (typeof entry === 'string') names.push(entry);
      else if (Array.isArray(entry) && typeof entry[0] === 'string') names.push(entry[0]);
      else if (entry) names.push('(inline plugin)');
    }
  } else if (plugins && typeof plugins === 'object') {
    for (const [name, options] of Object.entries(plugins)) if (options !== false) names.push(name);
  }
  return { file: path.relative(root, config.file).split(path.sep).join('/'), names };
}

async function readConfig(root: string): Promise<{ file: string; value: { plugins?: unknown } } | undefined> {
  for (const name of CONFIG_FILES) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    if (name === '.postcssrc' || name.endsWith('.json')) return { file, value: JSON.parse(readFileSync(file, 'utf8')) as { plugins?: unknown } };
    if (name.endsWith('.ts')) throw new Error(`${name}: a TypeScript PostCSS config is not read by zfb-next; use postcss.config.mjs`);
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
      throw new Error(`${name} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    const value = (module.default ?? module) as { plugins?: unknown } | (() => { plugins?: unknown });
    return { file, value: typeof value === 'function' ? value() : value };
  }
  const manifest = path.join(root, 'package.json');
  if (existsSync(manifest)) {
    const value = (JSON.parse(readFileSync(manifest, 'utf8')) as { postcss?: { plugins?: unknown } }).postcss;
    if (value) return { file: manifest, value };
  }
  return undefined;
}

async function pluginList(plugins: unknown, require: NodeJS.Require, file: string): Promise<unknown[]> {
  const list: unknown[] = [];
  const add = async (name: string, options: unknown): Promise<void> => {
    if (options === false) return;
    let plugin: unknown;
    try {
      plugin = require(require.resolve(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') {
        throw new Error(`${path.basename(file)}: cannot load the PostCSS plugin "${name}": ${(error as Error).message.split('\n')[0]}`);
      }
      plugin = await import(pathToFileURL(require.resolve(name)).href);
    }
    const value = (plugin as { default?: unknown }).default ?? plugin;
    list.push(typeof value === 'function' ? (options === true || options === undefined ? (value as () => unknown)() : (value as (o: unknown) => unknown)(options)) : value);
  };
  if (Array.isArray(plugins)) {
    for (const entry of plugins) {
      if (typeof entry === 'string') await add(entry, undefined);
      else if (Array.isArray(entry) && typeof entry[0] === 'string') await add(entry[0], entry[1]);
      else if (entry) list.push(entry);
    }
  } else if (plugins && typeof plugins === 'object') {
    for (const [name, options] of Object.entries(plugins)) await add(name, options);
  }
  return list;
}

function loadPostcssItself(projectRequire: NodeJS.Require): (plugins: unknown[]) => Processor {
  for (const require of [projectRequire, createRequire(import.meta.url)]) {
    try {
      return require('postcss') as (plugins: unknown[]) => Processor;
    } catch {
      // next candidate
    }
  }
  throw new Error('the project has a PostCSS config but postcss is not installed');
}
