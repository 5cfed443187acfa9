import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MigrationContext } from './context.js';
import type { PathAliases } from './tsconfig.js';

/**
 * Global CSS. zfb 0.1.0-next.89 builds one stylesheet from `styles/global.css` (its only CSS entry) plus the
 * CSS modules the pages import; a plain `import './x.css'` in a module adds nothing, and without Tailwind an
 * `@import` inside global.css stays as written. So the global stylesheets Next.js loaded (those pages/_app,
 * the app layouts and any other module import) are written into styles/global.css in Next's order, their
 * `@import`s of local files inlined, and the files their `url()`s point at copied into public/.
 */

export const GLOBAL_CSS = 'styles/global.css';
const ASSETS_DIR = 'css-assets';
const STYLE_IMPORT = /^\s*import\s+['"]([^'"]+\.(?:css|scss|sass|less))['"]\s*;?/gm;
const CSS_MODULE = /\.module\.\w+$/i;

export interface GlobalCss {
  /** Source-relative (or node_modules) files, in the order they are written. */
  files: string[];
  /** Files that could not be read or are not plain CSS (Sass, Less), with why. */
  skipped: { file: string; reason: string }[];
  /** Whether a stylesheet was written. */
  written: boolean;
}

/**
 * `modules`: the project's modules (source-relative), the ones Next loads first (pages/_app, the root
 * layout) at the front.
 */
export function writeGlobalCss(ctx: MigrationContext, modules: readonly string[], aliases: PathAliases, hasCssModules: boolean): GlobalCss {
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const requireFrom = createRequire(path.join(ctx.root, 'package.json'));
  for (const file of modules) {
    const text = ctx.read(file);
    if (!text || !text.includes('.css') && !/\.(s[ac]ss|less)/.test(text)) continue;
    for (const match of text.matchAll(STYLE_IMPORT)) {
      const specifier = match[1]!;
      if (CSS_MODULE.test(specifier)) continue;
      const resolved = resolveStyle(ctx.root, file, specifier, aliases, requireFrom);
      if (!resolved) {
        skipped.push({ file: `${file} → ${specifier}`, reason: 'the stylesheet cannot be found' });
        continue;
      }
      if (!/\.css$/i.test(resolved)) {
        skipped.push({ file: resolved, reason: 'Sass and Less are compiled by Next.js; zfb reads plain CSS only: compile it into styles/global.css' });
        continue;
      }
      if (!files.includes(resolved)) files.push(resolved);
    }
  }
  if (files.length === 0 && !hasCssModules) return { files, skipped, written: false };

  const remoteImports: string[] = [];
  const parts: string[] = [];
  const inlined = new Set<string>();
  const inline = (file: string): string => {
    inlined.add(file);
    const css = readFileSync(path.join(ctx.root, file), 'utf8');
    const withImports = css.replace(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s]+)\1\s*\)?\s*([^;]*);/g, (whole, _q, target: string, media: string) => {
      if (/^(?:[a-z]+:)?\/\//i.test(target) || target.startsWith('data:')) {
        remoteImports.push(whole);
        return '';
      }
      const next = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (media.trim() || !existsSync(path.join(ctx.root, next))) return whole;
      return inlined.has(next) ? '' : inline(next);
    });
    return rebaseUrls(ctx, file, withImports);
  };
  for (const file of files) parts.push(`/* ${file} */\n${inline(file).trim()}\n`);
  const header = [
    `/* The site's global styles, in the order Next.js loaded them (zfb reads ${GLOBAL_CSS} as its stylesheet entry). */`,
    ...remoteImports,
  ];
  ctx.tree.write(GLOBAL_CSS, `${header.join('\n')}\n\n${parts.join('\n')}`);
  return { files, skipped, written: true };
}

/** A style import's file, relative to the project root (node_modules included), or undefined. */
function resolveStyle(root: string, importer: string, specifier: string, aliases: PathAliases, requireFrom: NodeJS.Require): string | undefined {
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  if (specifier.startsWith('.')) {
    const absolute = path.resolve(root, path.dirname(importer), specifier);
    return existsSync(absolute) ? relative(absolute) : undefined;
  }
  for (const candidate of aliases.resolve(specifier)) if (existsSync(path.join(root, candidate))) return candidate;
  try {
    return relative(requireFrom.resolve(specifier));
  } catch {
    return undefined;
  }
}

/**
 * A relative `url()` pointed next to the stylesheet; inside styles/global.css (and the stylesheet zfb makes
 * of it in assets/) it would point elsewhere, so the file is copied into public/css-assets/ and the url()
 * made absolute.
 */
function rebaseUrls(ctx: MigrationContext, file: string, css: string): string {
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, quote: string, target: string) => {
    if (/^(?:[a-z]+:|\/|#)/i.test(target)) return whole;
    const [bare, suffix = ''] = target.split(/(?=[?#])/);
    const from = path.posix.normalize(path.posix.join(path.posix.dirname(file), bare!));
    const absolute = path.join(ctx.root, from);
    if (!existsSync(absolute)) return whole;
    const publicPath = `${ASSETS_DIR}/${from.replace(/^(\.\.\/)+/, '')}`;
    ctx.tree.copy(`public/${publicPath}`, absolute);
    return `url(${quote}/${publicPath}${suffix}${quote})`;
  });
}
