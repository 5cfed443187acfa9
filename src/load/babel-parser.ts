import { createRequire } from 'node:module';

let parser: typeof import('@babel/parser') | undefined;

/**
 * @babel/parser, loaded on first use: it is half a megabyte of JavaScript. The route model needs it only for
 * a metadata file that names generateSitemaps (sources/next-app-metadata.ts); the build's preparing host
 * first needs it while esbuild bundles the pages (render/strip-data-exports.ts), when that host waits, not
 * before its task, when it has no time to spare.
 */
export function babelParser(): typeof import('@babel/parser') {
  parser ??= createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');
  return parser;
}
