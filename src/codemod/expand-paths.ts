import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CodemodUsageError } from './errors.js';

export const SOURCE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs'];

// Build output, dependencies and VCS data never hold sources to rewrite.
const IGNORED_DIRS = new Set(['node_modules', '.next', '.git', 'out', 'dist', '.turbo', '.vercel']);

function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts');
}

/** A path the run found and leaves alone, with the reason the summary gives. */
export interface PassedOver {
  file: string;
  reason: string;
}

export interface Expanded {
  /** The source files to read, absolute, sorted, without duplicates. */
  files: string[];
  /** Symbolic links and special files met on the way: listed in the summary, never read or written. */
  passedOver: PassedOver[];
}

/**
 * A link is never followed and never replaced: writing through it would change a file outside the folders the
 * run was given, and writing in its place would turn the link into a copy.
 */
function linkReason(full: string, folder = false): string {
  let target = '';
  try {
    target = ` to ${readlinkSync(full)}`;
  } catch {
    // A link that vanished between the listing and here: still a link.
  }
  const what = folder ? 'folder' : 'file';
  return `a symbolic link${target}: not followed and not replaced; run the codemod on the ${what} it points to, or replace the link with that ${what}`;
}

function isLinkedFolder(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function walk(dir: string, out: Expanded): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // A linked node_modules is as much a dependency folder as a real one.
    if (IGNORED_DIRS.has(entry.name) && !entry.isFile()) continue;
    if (entry.isDirectory()) {
      walk(full, out);
    } else if (entry.isFile()) {
      if (isSource(entry.name)) out.files.push(full);
    } else if (entry.isSymbolicLink()) {
      // A linked folder may hold pages as well as a linked file: both are listed.
      if (isSource(entry.name)) out.passedOver.push({ file: full, reason: linkReason(full) });
      else if (isLinkedFolder(full)) out.passedOver.push({ file: full, reason: linkReason(full, true) });
    } else if (isSource(entry.name)) {
      out.passedOver.push({ file: full, reason: `${kindOf(lstatSync(full))}, not a regular file: not read` });
    }
  }
}

/**
 * The source files under the given paths (files or directories). A path that does not exist, or that is
 * neither a regular file nor a directory (a FIFO would block the read forever), is an error naming it, never a
 * silent "0 files". A folder given by a link is walked (it was named); links met inside it, and a linked file,
 * are passed over.
 */
export function expandPaths(paths: readonly string[], cwd: string): Expanded {
  if (paths.length === 0) throw new CodemodUsageError('no path given');
  const out: Expanded = { files: [], passedOver: [] };
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat: Stats;
    try {
      stat = lstatSync(full);
    } catch {
      throw new CodemodUsageError(`path not found: ${given}`);
    }
    if (stat.isSymbolicLink()) {
      let target: Stats | undefined;
      try {
        target = statSync(full);
      } catch {
        throw new CodemodUsageError(`path not found: ${given} (a symbolic link to nothing)`);
      }
      if (target.isDirectory()) walk(full, out);
      else out.passedOver.push({ file: full, reason: linkReason(full) });
    } else if (stat.isDirectory()) {
      walk(full, out);
    } else if (!stat.isFile()) {
      throw new CodemodUsageError(`not a regular file or directory: ${given} (${kindOf(stat)})`);
    } else if (isSource(full)) {
      out.files.push(full);
    } else {
      throw new CodemodUsageError(`not a source file (${SOURCE_EXTENSIONS.join(' ')}): ${given}`);
    }
  }
  out.files = [...new Set(out.files)].sort();
  const seen = new Set<string>();
  out.passedOver = out.passedOver.filter((p) => !seen.has(p.file) && seen.add(p.file)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return out;
}
