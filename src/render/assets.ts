import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import { staticImage } from '../load/bundle.js';

/**
 * Files that code or stylesheets import (images, fonts, media), served at one content-hashed URL under
 * `<basePath>/_next/static/media/`, the same in server HTML, in browser bundles and in CSS `url()`.
 */
export class AssetRegistry {
  /** Absolute source file → its path below the output directory. */
  readonly files = new Map<string, string>();
  private readonly urls = new Map<string, string>();

  constructor(private readonly basePath: string) {}

  url(file: string): string {
    let url = this.urls.get(file);
    if (url) return url;
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 10);
    const extension = path.extname(file);
    const target = `_next/static/media/${path.basename(file, extension)}.${hash}${extension}`;
    this.files.set(file, target);
    url = `${this.basePath}/${target}`;
    this.urls.set(file, url);
    return url;
  }

  /** An esbuild plugin: JS imports of assets become their URL (images: Next's static image object); CSS `url()` the URL. */
  plugin(filter: RegExp): esbuild.Plugin {
    return {
      name: 'zfb-next-assets',
      setup: (build) => {
        build.onResolve({ filter }, (args) => {
          if (/^(data:|https?:|\/\/|#)/.test(args.path)) return { path: args.path, external: true };
          const file = args.path.startsWith('/') && !args.path.startsWith(args.resolveDir) ? undefined : path.resolve(args.resolveDir, args.path.split(/[?#]/)[0]!);
          if (!file) return { path: args.path, external: true };
          if (args.kind === 'url-token' || args.kind === 'import-rule') return { path: this.url(file), external: true };
          return { path: file, namespace: 'zfb-asset' };
        });
        build.onLoad({ filter: /.*/, namespace: 'zfb-asset' }, (args) => {
          const url = this.url(args.path);
          const value = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i.test(args.path) ? staticImage(url, args.path) : url;
          return { contents: `export default ${JSON.stringify(value)};`, loader: 'js' };
        });
      },
    };
  }
}
