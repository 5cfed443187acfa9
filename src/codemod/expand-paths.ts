import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CodemodUsageError } from './errors.js';

export const SOURCE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs'];

// Build output, dependencies and VCS data never hold sources to rewrite.
const IGNORED_DIRS = new Set(['node_modules', '.next', '.git', 'out', 'dist', '.turbo', '.vercel']);

function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts');
}

function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) walk(full, files);
    } else if (entry.isFile() && isSource(entry.name)) {
      files.push(full);
    }
  }
}

/**
 * The source files under the given paths (files or directories), absolute, sorted, without duplicates.
 * A path that does not exist is an error naming it, never a silent "0 files".
 */
export function expandPaths(paths: readonly string[], cwd: string): string[] {
  if (paths.length === 0) throw new CodemodUsageError('no path given');
  const files: string[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new CodemodUsageError(`path not found: ${given}`);
    }
    if (stat.isDirectory()) walk(full, files);
    else if (isSource(full)) files.push(full);
    else throw new CodemodUsageError(`not a source file (${SOURCE_EXTENSIONS.join(' ')}): ${given}`);
  }
  return [...new Set(files)].sort();
}
