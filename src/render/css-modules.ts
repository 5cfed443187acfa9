import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import { esbuild } from '../load/esbuild.js';
import type { CssTransform } from './postcss.js';

/**
 * CSS modules, compiled once for the whole project with esbuild's `local-css` loader, so that the server
 * bundles (which write the class names into HTML) and the browser bundles (which hydrate it) use the same
 * names. esbuild names a local class after its file and, on a clash, numbers it by the order files appear
 * in one build; compiling every module of the project in one build fixes that order for both sides.
 */

export interface CssModule {
  /** Local name → the class name in the page. */
  names: Record<string, string>;
  /** The module's rules with the final class names, for the stylesheet of every page that imports it. */
  css: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.next', '.git', 'out', 'dist', '.zfb-build', 'public']);
export const CSS_MODULE_FILE = /\.module\.css$/i;

/** Every `*.module.css` below the project root, outside dependencies, build outputs and `skip`. */
export function findCssModules(root: string, skip: readonly string[] = []): string[] {
  const found: string[] = [];
  const skipped = new Set(skip.map((s) => path.resolve(s)));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.') && !skipped.has(full)) walk(full);
      } else if (CSS_MODULE_FILE.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}

export async function compileCssModules(
  root: string,
  files: readonly string[],
  options: { postcss?: CssTransform; assetPlugin: Esbuild.Plugin; minify: boolean },
): Promise<Map<string, CssModule>> {
  const modules = new Map<string, CssModule>();
  if (files.length === 0) return modules;
  const entryOf = new Map<string, string>();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: files.map((file, i) => ({ in: `css-module-entry:${i}`, out: `m${i}` })),
    bundle: true,
    write: false,
    outdir: path.join(root, '.zfb-css-modules'),
    format: 'esm',
    platform: 'browser',
    metafile: true,
    minify: options.minify,
    logLevel: 'silent',
    plugins: [
      {
        name: 'zfb-next-css-modules',
        setup(build) {
          build.onResolve({ filter: /^css-module-entry:/ }, (args) => ({ path: args.path.slice('css-module-entry:'.length), namespace: 'css-module-entry' }));
          build.onLoad({ filter: /.*/, namespace: 'css-module-entry' }, (args) => {
            const file = files[Number(args.path)]!;
            entryOf.set(`css-module-entry:${args.path}`, file);
            return { contents: `export { default } from ${JSON.stringify(file)};`, loader: 'js', resolveDir: path.dirname(file) };
          });
          build.onLoad({ filter: /\.css$/ }, async (args) => {
            const text = readFileSync(args.path, 'utf8');
            const css = options.postcss ? await options.postcss(text, args.path) : text;
            return { contents: css, loader: CSS_MODULE_FILE.test(args.path) ? 'local-css' : 'css' };
          });
        },
      },
      options.assetPlugin,
    ],
  });
  const texts = new Map(result.outputFiles.map((f) => [f.path, f.text]));
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const file = entryOf.get(meta.entryPoint);
    if (!file) continue;
    const js = texts.get(path.resolve(root, out)) ?? '';
    const names = (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)) as { default?: Record<string, string> };
    const css = meta.cssBundle ? (texts.get(path.resolve(root, meta.cssBundle)) ?? '') : '';
    modules.set(file, { names: { ...(names.default ?? {}) }, css });
  }
  return modules;
}
