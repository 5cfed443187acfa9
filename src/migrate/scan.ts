import { readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * The source files a migration reads and copies: everything under the root but dependencies, build output,
 * version control and editor state, which a zfb project makes or keeps on its own.
 */
const SKIPPED_ANYWHERE = new Set(['node_modules', '.git', '.next']);
/** Only at the root: a folder of the same name deeper down is the user's own. */
const SKIPPED_AT_ROOT = new Set(['out', '.vercel', '.turbo', '.swc', '.zfb-build', 'coverage']);
const SKIPPED_FILES = new Set(['.DS_Store']);

export interface SourceScan {
  /** Source-relative paths, forward slashes, sorted. */
  files: string[];
  /** Symbolic links (to a file or a folder, or broken), by source-relative path: what each link says. */
  links: Map<string, string>;
}

/**
 * The files under the root, and its symbolic links: a link is kept as a link (its text as written), never
 * followed, so that a link out of the project copies nothing from outside it and a link to a folder inside
 * it copies nothing twice. `onFile` is called as each file is found (a progress count).
 */
export function scanSource(root: string, onFile?: (count: number) => void): SourceScan {
  const files: string[] = [];
  const links = new Map<string, string>();
  const visit = (dir: string, relative: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_ANYWHERE.has(entry.name) && !(relative === '' && SKIPPED_AT_ROOT.has(entry.name))) visit(path.join(dir, entry.name), rel);
      } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name)) {
        files.push(rel);
        onFile?.(files.length);
      } else if (entry.isSymbolicLink() && !SKIPPED_ANYWHERE.has(entry.name)) {
        links.set(rel, readlinkSync(path.join(dir, entry.name)));
      }
    }
  };
  visit(root, '');
  return { files: files.sort(), links };
}
