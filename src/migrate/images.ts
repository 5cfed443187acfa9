import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { imageSize } from 'image-size';
import type { MigrationContext } from './context.js';
import { relativeSpecifier } from './module-edits.js';
import { ModuleResolver } from './resolve.js';
import type { PathAliases } from './tsconfig.js';

/**
 * Static image imports (`import hero from './hero.png'`). Next.js gives the module a StaticImageData
 * ({ src, width, height }) and serves the file from /_next/static/media/; zfb 0.1.0-next.89 bundles with
 * esbuild and has no loader for images (`No loader is configured for ".png" files`, observed with the real
 * `zfb build`), and neither has the next-data plugin's esbuild run. So each imported image gets a small
 * module, written once under next-images/ at the image's own path (`next-images/app/hero.png.ts`), that
 * exports the same StaticImageData, and the file itself is copied into public/_media/ under a content-hashed
 * name (zfb copies public/ into dist/ as it is). The import keeps its image name
 * (`'../next-images/app/hero.png'`): no such file exists there, so esbuild and TypeScript find the `.ts`
 * beside it (observed with the real `zfb build`).
 */

const IMAGE_MODULES_DIR = 'next-images';
/** Public folder of the copied files; served at /_media/. */
const MEDIA_DIR = 'public/_media';
/** The extensions next@16.4.6 gives StaticImageData (build/webpack-config.js `nextImageLoaderRegex`). */
const IMAGE_NAMED = /\.(?:png|jpg|jpeg|gif|webp|avif|ico|bmp|svg)['"]/i;
const IMPORT_SOURCE = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+?\.(?:png|jpg|jpeg|gif|webp|avif|ico|bmp|svg))\2/gi;
const MODULE = /\.(?:tsx|ts|jsx|js|mjs|cjs|mts|cts)$/;

export interface ImageOptions {
  /** next.config basePath. */
  basePath?: string;
  /** The next.config file that gives `.svg` imports a loader of their own (@svgr/webpack), if one does. */
  svgLoader?: string | undefined;
}

/** `placeholder="blur"` (or `placeholder: 'blur'`) on next/image. */
const BLUR = /\bplaceholder\s*(?:=\s*\{?\s*|:\s*)['"]blur['"]/;

export interface StaticImage {
  /** Output-relative image the modules imported. */
  image: string;
  /** Output-relative module that stands for it. */
  module: string;
  /** Where the zfb site serves the file. */
  url: string;
  width: number;
  height: number;
}

/**
 * Rewrites every static image import of the output's modules; returns the images, one entry each.
 * `basePath` (next.config) prefixes each src, as Next.js prefixes its static media: zfb's `base` rewrites the
 * href of links only, not an `<img src>`, and copies public/ under it (`dist/sub/_media/x.png` with
 * `base: "/sub/"`, observed with the real `zfb build`).
 */
export function migrateStaticImages(ctx: MigrationContext, aliases: PathAliases, options: ImageOptions = {}): StaticImage[] {
  const { basePath = '', svgLoader } = options;
  const resolver = new ModuleResolver(new Set(ctx.tree.paths()), aliases);
  const images = new Map<string, StaticImage | undefined>();
  for (const file of ctx.tree.paths()) {
    if (!MODULE.test(file) || file.startsWith('next-shims/') || file.startsWith('plugins/')) continue;
    const entry = ctx.tree.files.get(file)!;
    const text = entry.kind === 'text' ? entry.text : readFileSync(entry.from, 'utf8');
    if (!IMAGE_NAMED.test(text)) continue;
    if (BLUR.test(text)) {
      ctx.notMigrated.push({ file, reason: 'placeholder="blur" shows a blurred preview while the image loads in Next.js; zfb-next writes no blurDataURL, so the image appears when it has loaded' });
    }
    const rewritten = text.replace(IMPORT_SOURCE, (whole, before: string, quote: string, specifier: string) => {
      if (svgLoader && /\.svg$/i.test(specifier)) {
        ctx.notMigrated.push({ file, reason: `imports ${specifier} through the SVG loader ${svgLoader} adds, which zfb has not: make the SVG a component module (.tsx) or reference it from public/` });
        return whole;
      }
      const image = resolver.resolve(file, specifier);
      if (!image) {
        ctx.notMigrated.push({ file, reason: `imports the image ${specifier}, which is no file of the project (zfb's bundler has no loader for images): import it from the project or put it in public/` });
        return whole;
      }
      if (!images.has(image)) images.set(image, staticImage(ctx, file, image, basePath));
      const found = images.get(image);
      return found ? `${before}${quote}${relativeSpecifier(file, found.module.replace(/\.ts$/, ''))}${quote}` : whole;
    });
    if (rewritten === text) continue;
    ctx.tree.write(file, rewritten, entry.mode);
  }
  return [...images.values()].filter((image): image is StaticImage => image !== undefined);
}

function staticImage(ctx: MigrationContext, importer: string, image: string, basePath: string): StaticImage | undefined {
  const entry = ctx.tree.files.get(image)!;
  const bytes = entry.kind === 'copy' ? readFileSync(entry.from) : Buffer.from(entry.text);
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    size = {};
  }
  if (!size.width || !size.height) {
    // next@16.4.6 refuses a StaticImageData without both (shared/lib/get-img-props.js), and so does its loader.
    ctx.notMigrated.push({ file: importer, reason: `imports the image ${image}, whose width and height cannot be read: give next/image its width and height and reference the file from public/` });
    return undefined;
  }
  const extension = posix.extname(image);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  const name = `${posix.basename(image, extension)}.${hash}${extension.toLowerCase()}`;
  const copy = `${MEDIA_DIR}/${name}`;
  if (entry.kind === 'copy') ctx.tree.copy(copy, entry.from);
  else ctx.tree.write(copy, entry.text);
  const url = `${basePath}/_media/${name}`;
  const module = `${IMAGE_MODULES_DIR}/${image}.ts`;
  ctx.tree.write(
    module,
    [
      `// Written by zfb-next migrate: what \`import image from '${image}'\` gave a Next.js module (StaticImageData),`,
      `// for the copy zfb serves from ${copy}.`,
      `const image = { src: ${JSON.stringify(url)}, width: ${size.width}, height: ${size.height} };`,
      'export default image;',
      '',
    ].join('\n'),
  );
  return { image, module, url, width: size.width, height: size.height };
}
