import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT_MARKERS = ['package.json', 'next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'zfb.config.json', 'zfb.config.ts'];

/**
 * The project a file belongs to: the nearest directory above it with a package.json, a next.config.* or a
 * zfb.config.*; failing that, the directory holding its top-most pages/ or app/ folder; failing that, `cwd`.
 */
export function projectRootOf(file: string, cwd: string, cache: RootCache = new Map()): string {
  const marked = markedRootAbove(path.dirname(file), cache);
  if (marked !== null) return marked;
  const parts = file.split(path.sep);
  const index = parts.findIndex((p) => p === 'pages' || p === 'app');
  if (index > 0) {
    const base = parts[index - 1] === 'src' ? index - 1 : index;
    return parts.slice(0, base).join(path.sep) || path.sep;
  }
  return cwd;
}

/** Folder → the nearest marked folder at or above it (null: none), kept for one run: each folder is asked once. */
export type RootCache = Map<string, string | null>;

function markedRootAbove(dir: string, cache: RootCache): string | null {
  let found = cache.get(dir);
  if (found !== undefined) return found;
  const parent = path.dirname(dir);
  if (ROOT_MARKERS.some((m) => existsSync(path.join(dir, m)))) found = dir;
  else found = parent === dir ? null : markedRootAbove(parent, cache);
  cache.set(dir, found);
  return found;
}

export function toProjectPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
