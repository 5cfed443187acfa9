import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `react`, `@scope/name` from `react/jsx-runtime`, `@scope/name/sub`; `#x` subpath imports as they are. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function isInNodeModules(file: string): boolean {
  return file.split(path.sep).includes('node_modules');
}

/** The package a file inside node_modules belongs to (`/x/node_modules/@a/b/c.js` -> `@a/b`). */
export function packageOfFile(file: string): string | undefined {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const first = parts[at + 1]!;
  return first.startsWith('@') ? `${first}/${parts[at + 2] ?? ''}` : first;
}

const typeCache = new Map<string, 'module' | 'commonjs'>();

/** How Node loads a file: by its extension, else by the `type` of the nearest package.json. */
export function moduleFormat(file: string): 'esm' | 'cjs' {
  if (/\.m[jt]s$/.test(file)) return 'esm';
  if (/\.c[jt]s$/.test(file) || file.endsWith('.json') || file.endsWith('.node')) return 'cjs';
  return packageType(path.dirname(file)) === 'module' ? 'esm' : 'cjs';
}

function packageType(dir: string): 'module' | 'commonjs' {
  const cached = typeCache.get(dir);
  if (cached) return cached;
  let type: 'module' | 'commonjs' = 'commonjs';
  const manifest = path.join(dir, 'package.json');
  if (existsSync(manifest)) {
    try {
      type = (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else if (path.dirname(dir) !== dir && path.basename(dir) !== 'node_modules') {
    type = packageType(path.dirname(dir));
  }
  typeCache.set(dir, type);
  return type;
}
