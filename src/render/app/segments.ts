import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The files that wrap an app-router page, from the root of app/ down to the page's folder (route groups
 * included, as they are folders): each folder's `layout`, `template`, `not-found` and `loading`, the way
 * next@16.4.6's loader tree nests them (build/entries.ts `createLoaderTree`: a folder's layout wraps its
 * template, which wraps the not-found / loading boundaries and the children). Parallel routes (`@slot`
 * folders) are not rendered.
 */
export interface SegmentFiles {
  /** Absolute folder. */
  dir: string;
  layout?: string;
  template?: string;
  notFound?: string;
  loading?: string;
}

export function segmentChain(appDir: string, routeFile: string, extensions: readonly string[]): SegmentFiles[] {
  const relative = path.relative(appDir, path.dirname(routeFile));
  const parts = relative === '' ? [] : relative.split(path.sep);
  const chain: SegmentFiles[] = [];
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.join(appDir, ...parts.slice(0, i));
    const segment: SegmentFiles = { dir };
    const layout = find(dir, 'layout', extensions);
    const template = find(dir, 'template', extensions);
    const notFound = find(dir, 'not-found', extensions);
    const loading = find(dir, 'loading', extensions);
    if (layout) segment.layout = layout;
    if (template) segment.template = template;
    if (notFound) segment.notFound = notFound;
    if (loading) segment.loading = loading;
    chain.push(segment);
  }
  return chain;
}

export function find(dir: string, name: string, extensions: readonly string[]): string | undefined {
  for (const extension of extensions) {
    const file = path.join(dir, `${name}.${extension}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Every module of the chain and the route file, outermost first. */
export function chainFiles(chain: readonly SegmentFiles[], routeFile: string): string[] {
  const files: string[] = [];
  for (const segment of chain) for (const file of [segment.layout, segment.template, segment.notFound, segment.loading]) if (file) files.push(file);
  files.push(routeFile);
  return files;
}
