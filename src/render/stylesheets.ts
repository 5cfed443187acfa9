import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import { esbuild } from '../load/esbuild.js';
import type { AssetRegistry } from './assets.js';
import { CSS_MODULE_FILE, type CssModule } from './css-modules.js';
import type { CssTransform } from './postcss.js';

/**
 * Stylesheets: every CSS file a page's modules import becomes one content-hashed file under
 * `<out>/_next/static/css/` (global CSS through the project's PostCSS, then esbuild for `@import` and
 * `url()`; CSS modules as the project-wide CSS module build compiled them), and each page links the files
 * its modules reach, in import order, as the cascade in `next build` follows import order. Server
 * components' styles (app router layouts and pages) are found the same way as client code's: through the
 * import graphs of the server bundles.
 */

const STYLE_KEY = /^style-stand-in:/;

/** esbuild metafiles of one or more builds, merged into "file → the files it imports, in order". */
export class ImportGraphs {
  private readonly imports = new Map<string, string[]>();

  constructor(private readonly root: string) {}

  add(metafile: Esbuild.Metafile): void {
    for (const [key, input] of Object.entries(metafile.inputs)) {
      const from = this.file(key);
      const list = this.imports.get(from) ?? [];
      for (const imported of input.imports) {
        if (imported.external) continue;
        const to = this.file(imported.path);
        if (!list.includes(to)) list.push(to);
      }
      this.imports.set(from, list);
    }
  }

  /** The CSS files reached from `entries`, depth first in import order, each once. */
  stylesOf(entries: readonly string[]): string[] {
    const seen = new Set<string>();
    const styles: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      if (file.startsWith('style:')) {
        styles.push(file.slice('style:'.length));
        return;
      }
      for (const next of this.imports.get(file) ?? []) visit(next);
    };
    for (const entry of entries) visit(entry);
    return styles;
  }

  /** Every file the graphs reach from `entries` (the client modules a page's server tree uses, ...). */
  reachable(entries: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...entries];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      stack.push(...(this.imports.get(file) ?? []));
    }
    return seen;
  }

  private file(key: string): string {
    if (STYLE_KEY.test(key)) return `style:${key.replace(STYLE_KEY, '')}`;
    const colon = /^([a-z-]+):(.*)$/.exec(key);
    if (colon && colon[1] !== 'file' && !/^[A-Za-z]$/.test(colon[1]!)) return `${colon[1]}:${colon[2]}`;
    return path.resolve(this.root, key.replace(/^file:/, ''));
  }
}

export interface StylesheetContext {
  root: string;
  outDir: string;
  basePath: string;
  postcss?: CssTransform;
  assets: AssetRegistry;
  cssModules: ReadonlyMap<string, CssModule>;
  minify: boolean;
}

/** Compiles each CSS file once and returns its URL. */
export async function writeStylesheets(context: StylesheetContext, files: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const globals = files.filter((f) => !CSS_MODULE_FILE.test(f) && f.endsWith('.css'));
  const texts = new Map<string, string>();
  for (const file of files) {
    const module = context.cssModules.get(file);
    if (module) texts.set(file, module.css);
  }
  if (globals.length > 0) {
    const result = await esbuild.build({
      absWorkingDir: context.root,
      entryPoints: globals.map((file, i) => ({ in: file, out: `g${i}` })),
      bundle: true,
      write: false,
      outdir: path.join(context.outDir, '.zfb-css'),
      metafile: true,
      minify: context.minify,
      logLevel: 'silent',
      plugins: [
        {
          name: 'zfb-next-postcss',
          setup(build) {
            build.onLoad({ filter: /\.css$/ }, async (args) => {
              const text = readFileSync(args.path, 'utf8');
              return { contents: context.postcss ? await context.postcss(text, args.path) : text, loader: 'css' };
            });
          },
        },
        context.assets.plugin(/\.(png|jpe?g|gif|webp|avif|ico|bmp|svg|woff2?|ttf|otf|eot)(\?.*)?$/i),
      ],
    });
    const byPath = new Map(result.outputFiles.map((f) => [f.path, f.text]));
    for (const [out, meta] of Object.entries(result.metafile.outputs)) {
      if (!meta.entryPoint) continue;
      texts.set(path.resolve(context.root, meta.entryPoint), byPath.get(path.resolve(context.root, out)) ?? '');
    }
  }
  const dir = path.join(context.outDir, '_next', 'static', 'css');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of texts) {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    const name = `${path.basename(file).replace(/\.css$/i, '').replace(/[^A-Za-z0-9_-]+/g, '_')}.${hash}.css`;
    writeFileSync(path.join(dir, name), text);
    urls.set(file, `${context.basePath}/_next/static/css/${name}`);
  }
  return urls;
}
