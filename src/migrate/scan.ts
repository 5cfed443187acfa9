import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The source files a migration reads and copies: everything under the root but dependencies, build output,
 * version control and editor state, which a zfb project makes or keeps on its own.
 */
const SKIPPED_ANYWHERE = new Set(['node_modules', '.git', '.next']);
/** Only at the root: a folder of the same name deeper down is the user's own. */
const SKIPPED_AT_ROOT = new Set(['out', '.vercel', '.turbo', '.swc', '.zfb-build', 'coverage']);
const SKIPPED_FILES = new Set(['.DS_Store']);

/** Source-relative paths, forward slashes, sorted. `onFile` is called as each is found (a progress count). */
export function scanSource(root: string, onFile?: (count: number) => void): string[] {
  const files: string[] = [];
  const visit = (dir: string, relative: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_ANYWHERE.has(entry.name) && !(relative === '' && SKIPPED_AT_ROOT.has(entry.name))) visit(path.join(dir, entry.name), rel);
      } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name)) {
        files.push(rel);
        onFile?.(files.length);
      }
    }
  };
  visit(root, '');
  return files.sort();
}
