import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT_MARKERS = ['package.json', 'next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'zfb.config.json', 'zfb.config.ts'];

/**
 * The project a file belongs to: the nearest directory above it with a package.json, a next.config.* or a
 * zfb.config.*; failing that, the directory holding its top-most pages/ or app/ folder; failing that, `cwd`.
 */
export function projectRootOf(file: string, cwd: string): string {
  let dir = path.dirname(file);
  for (;;) {
    if (ROOT_MARKERS.some((m) => existsSync(path.join(dir, m)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const parts = file.split(path.sep);
  const index = parts.findIndex((p) => p === 'pages' || p === 'app');
  if (index > 0) {
    const base = parts[index - 1] === 'src' ? index - 1 : index;
    return parts.slice(0, base).join(path.sep) || path.sep;
  }
  return cwd;
}

export function toProjectPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
