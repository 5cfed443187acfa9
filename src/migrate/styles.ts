import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MigrationContext } from './context.js';
import { loadPostCss, postCssPluginNames } from '../render/postcss.js';
import type { PathAliases } from './tsconfig.js';

/**
 * Global CSS. zfb 0.1.0-next.89 builds one stylesheet from `styles/global.css` (its only CSS entry) plus the
 * CSS modules the pages import; a plain `import './x.css'` in a module adds nothing, and without Tailwind an
 * `@import` inside global.css stays as written. So the global stylesheets Next.js loaded (those pages/_app,
 * the app layouts and any other module import) are written into styles/global.css in Next's order, their
 * `@import`s of local files inlined, and the files their `url()`s point at copied into public/.
 *
 * Tailwind. zfb 0.1.0-next.89 has Tailwind built in (the stylesheet it writes opens with
 * `tailwindcss v4.2.0`), run over styles/global.css when zfb.config has `tailwind: { enabled: true }`. Observed
 * with the real `zfb build`: it resolves `@import "tailwindcss"`, `@theme`, `@apply`, `@config` and `@source`
 * (relative paths from styles/), and detects class names in the project's files as Tailwind's PostCSS plugin
 * does from the project root; and when global.css imports no `tailwindcss` it adds the whole of Tailwind
 * (preflight included) itself, so Tailwind is turned on only for a site whose stylesheets use it.
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
  /** Whether the stylesheets use Tailwind (zfb.config then turns zfb's on). */
  tailwind: boolean;
  /** Tailwind v3 directives (`@tailwind base`), which zfb's Tailwind v4 reads differently. */
  tailwindV3: boolean;
}

/** `@import "tailwindcss"` and its parts (`tailwindcss/utilities`), however they are written. */
const TAILWIND_IMPORT = /@import\s+(?:url\(\s*)?(['"])tailwindcss(?:\/[^'"]*)?\1[^;]*;\s*/g;
const TAILWIND_V3 = /@tailwind\s+(?:base|components|utilities|variants|screens)\b/;
/** Tailwind at-rules (and `@import "tailwindcss" source(…)`) that name a path relative to the stylesheet. */
const TAILWIND_PATH = /(@config|@plugin|@reference|@source|\bsource\()(\s*(?:not\s+)?)(['"])(\.{1,2}\/[^'"]*)\3/g;
const TAILWIND_CONFIGS = ['tailwind.config.js', 'tailwind.config.cjs', 'tailwind.config.mjs', 'tailwind.config.ts'];

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
  if (files.length === 0 && !hasCssModules) return { files, skipped, written: false, tailwind: false, tailwindV3: false };

  const remoteImports: string[] = [];
  const tailwindImports: string[] = [];
  let tailwindV3 = false;
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
    // Tailwind's imports go first, as @import must: the stylesheets are one file now.
    const withoutTailwind = withImports.replace(TAILWIND_IMPORT, (whole) => {
      const rule = rebaseTailwindPaths(file, whole.trim());
      if (!tailwindImports.includes(rule)) tailwindImports.push(rule);
      return '';
    });
    tailwindV3 ||= TAILWIND_V3.test(withoutTailwind);
    return rebaseTailwindPaths(file, rebaseUrls(ctx, file, withoutTailwind));
  };
  for (const file of files) parts.push(`/* ${file} */\n${inline(file).trim()}\n`);
  // Tailwind v3 reads tailwind.config.* by itself; v4 (zfb's) only when @config names it. The real zfb
  // build reads `@tailwind base/components/utilities` with such an @config: a color the config extends made
  // its class.
  const v3Config = tailwindV3 && !parts.some((part) => /@config\s/.test(part)) ? TAILWIND_CONFIGS.find((name) => existsSync(path.join(ctx.root, name))) : undefined;
  const header = [
    `/* The site's global styles, in the order Next.js loaded them (zfb reads ${GLOBAL_CSS} as its stylesheet entry). */`,
    ...tailwindImports,
    ...(v3Config ? [`@config "../${v3Config}";`] : []),
    ...remoteImports,
  ];
  ctx.tree.write(GLOBAL_CSS, `${header.join('\n')}\n\n${parts.join('\n')}`);
  return { files, skipped, written: true, tailwind: tailwindImports.length > 0 || tailwindV3, tailwindV3 };
}

/** `@source "../components"` in app/globals.css names the same folder from styles/global.css. */
function rebaseTailwindPaths(file: string, css: string): string {
  return css.replace(TAILWIND_PATH, (_whole, rule: string, space: string, quote: string, target: string) => {
    const from = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
    let rebased = path.posix.relative(path.posix.dirname(GLOBAL_CSS), from);
    if (!rebased.startsWith('.')) rebased = `./${rebased}`;
    return `${rule}${space}${quote}${rebased}${target.endsWith('/') && !rebased.endsWith('/') ? '/' : ''}${quote}`;
  });
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

/** zfb's own Tailwind version (the banner of the stylesheet the real `zfb build` 0.1.0-next.89 writes). */
export const ZFB_TAILWIND = '4.2.0';
const TAILWIND_PLUGINS = new Set(['@tailwindcss/postcss', 'tailwindcss']);

/**
 * What of a Tailwind setup zfb does not carry: PostCSS plugins besides Tailwind (zfb runs its own Tailwind
 * and no PostCSS), and Tailwind v3, whose utilities v4 changed in places.
 */
export async function tailwindNotes(ctx: MigrationContext, v3: boolean): Promise<{ file: string; reason: string }[]> {
  const notes: { file: string; reason: string }[] = [];
  let postcss: Awaited<ReturnType<typeof postCssPluginNames>>;
  try {
    postcss = await postCssPluginNames(ctx.root);
  } catch (error) {
    notes.push({ file: 'postcss.config', reason: `the PostCSS config cannot be read (${(error as Error).message.split('\n')[0]}); zfb runs its built-in Tailwind ${ZFB_TAILWIND} and no PostCSS` });
  }
  const others = postcss?.names.filter((name) => !TAILWIND_PLUGINS.has(name)) ?? [];
  if (postcss && others.length > 0) {
    notes.push({ file: postcss.file, reason: `zfb runs its built-in Tailwind ${ZFB_TAILWIND} over ${GLOBAL_CSS} and no PostCSS: ${others.join(', ')} no longer run` });
  }
  const own = installedTailwind(ctx.root);
  if (own && newerThan(own, ZFB_TAILWIND)) {
    notes.push({ file: 'package.json', reason: `the project's Tailwind is ${own}, zfb's built-in one ${ZFB_TAILWIND}: utilities and theme values added since ${ZFB_TAILWIND} are not generated for ${GLOBAL_CSS}` });
  }
  if (v3) {
    notes.push({
      file: GLOBAL_CSS,
      reason: `the stylesheets use Tailwind v3 directives (@tailwind base/components/utilities); zfb's Tailwind is ${ZFB_TAILWIND}, which reads them and tailwind.config through @config but changed some defaults (border and ring colours, shadow and rounded scales): check the pages against Tailwind's v4 upgrade guide`,
    });
  }
  return notes;
}

/** What in a stylesheet only Tailwind reads. */
const TAILWIND_ONLY = /@apply\b|@reference\b|@variant\b|@custom-variant\b|@utility\b|\btheme\(|--spacing\(|--alpha\(/;

/**
 * CSS modules that use Tailwind (`@apply` beside `@reference "../app/globals.css"`). zfb runs its Tailwind
 * over styles/global.css only: a CSS module reaches the page as written, `@apply` and all (observed with the
 * real `zfb build`), where Next.js runs the project's PostCSS over every stylesheet. So such a module is
 * compiled here with the project's own PostCSS config, as next build compiles it, and written compiled.
 */
export async function compileTailwindModules(ctx: MigrationContext): Promise<{ file: string; reason: string }[]> {
  const notes: { file: string; reason: string }[] = [];
  const modules = ctx.tree.paths().filter((file) => CSS_MODULE.test(file) && file.endsWith('.css'));
  let transform: Awaited<ReturnType<typeof loadPostCss>>;
  for (const file of modules) {
    const entry = ctx.tree.files.get(file)!;
    const from = entry.kind === 'copy' ? entry.from : path.join(ctx.root, file);
    const css = entry.kind === 'copy' ? readFileSync(from, 'utf8') : entry.text;
    if (!TAILWIND_ONLY.test(css)) continue;
    try {
      transform ??= await loadPostCss(ctx.root);
      if (!transform) {
        notes.push({ file, reason: 'uses Tailwind (@apply, @reference, theme()) but the project has no PostCSS config to compile it with; zfb runs no Tailwind over CSS modules' });
        continue;
      }
      const compiled = await transform(css, from);
      ctx.tree.write(file, `/* Compiled by zfb-next migrate with the project's Tailwind: zfb runs Tailwind over ${GLOBAL_CSS} only, not over CSS modules. */\n${compiled}`, entry.mode);
    } catch (error) {
      notes.push({ file, reason: `uses Tailwind, which zfb does not run over CSS modules, and compiling it with the project's PostCSS failed: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  return notes;
}

function installedTailwind(root: string): string | undefined {
  try {
    const file = createRequire(path.join(root, 'package.json')).resolve('tailwindcss/package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function newerThan(version: string, than: string): boolean {
  const a = version.split(/[.-]/).slice(0, 3).map(Number);
  const b = than.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}
