import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Which copy of React each part of a build uses, as `next build` decides it:
 *
 * - the pages router renders with the project's own `react` and `react-dom` (Next's pages bundles keep them
 *   external), on the server and in the browser;
 * - the app router renders with the React that Next.js ships inside itself (`next/dist/compiled/react`,
 *   `react-dom`, `react-server-dom-webpack`, `scheduler`): Next aliases every `react*` import of the app
 *   layers to those copies (build/create-compiler-aliases.ts `createRSCAliases`), whatever React the project
 *   installed. Server components get their `react-server` builds, client components and the browser the
 *   ordinary ones.
 *
 * `resolveCompiled` maps an import (`react`, `react/jsx-runtime`, `react-dom/client`,
 * `next/dist/compiled/react-dom`, ...) to the file of Next's copy under the given conditions, reading each
 * copy's own package.json `exports`.
 */

const COMPILED_PACKAGES = new Set(['react', 'react-dom', 'react-server-dom-webpack', 'scheduler']);

export function isReactSpecifier(specifier: string): boolean {
  return COMPILED_PACKAGES.has(splitSpecifier(specifier)?.name ?? '');
}

function splitSpecifier(specifier: string): { name: string; subpath: string } | undefined {
  const bare = specifier.startsWith('next/dist/compiled/') ? specifier.slice('next/dist/compiled/'.length) : specifier;
  const [name, ...rest] = bare.split('/');
  if (!name || !COMPILED_PACKAGES.has(name)) return undefined;
  return { name, subpath: rest.length > 0 ? `./${rest.join('/')}` : '.' };
}

/** The folder of Next's compiled packages in the project's `next`, or undefined when the project has none. */
export function nextCompiledDir(root: string): string | undefined {
  try {
    const next = createRequire(path.join(root, 'package.json')).resolve('next/package.json');
    const dir = path.join(path.dirname(next), 'dist', 'compiled');
    return existsSync(path.join(dir, 'react-server-dom-webpack')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

type Exports = string | { [condition: string]: Exports } | undefined;

const manifests = new Map<string, { exports?: Record<string, Exports>; main?: string }>();

function manifest(dir: string): { exports?: Record<string, Exports>; main?: string } {
  let value = manifests.get(dir);
  if (!value) manifests.set(dir, (value = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, Exports>; main?: string }));
  return value;
}

function pick(entry: Exports, conditions: readonly string[]): string | undefined {
  if (entry === undefined || typeof entry === 'string') return entry;
  // Conditions are tried in the order the package lists them, as Node and bundlers do.
  for (const [condition, value] of Object.entries(entry)) {
    if (condition === 'default' || conditions.includes(condition)) {
      const found = pick(value, conditions);
      if (found) return found;
    }
  }
  return undefined;
}

/** The file of Next's copy for `specifier`, or undefined when it is not one of the copied packages. */
export function resolveCompiled(compiledDir: string, specifier: string, conditions: readonly string[]): string | undefined {
  const parts = splitSpecifier(specifier);
  if (!parts) return undefined;
  const dir = path.join(compiledDir, parts.name);
  const { exports, main } = manifest(dir);
  const target = exports ? pick(exports[parts.subpath], conditions) : parts.subpath === '.' ? (main ?? 'index.js') : `${parts.subpath}.js`;
  if (!target) return undefined;
  const file = path.join(dir, target);
  return existsSync(file) ? file : existsSync(`${file}.js`) ? `${file}.js` : undefined;
}
