import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CodemodUsageError } from './errors.js';

/** A repository with uncommitted changes, and the first of them (relative to the repository). */
export interface DirtyRepository {
  root: string;
  file: string;
  /** How many paths git lists as changed, that one included. */
  count: number;
}

/**
 * The work tree each file belongs to: the nearest folder above it with a `.git` (a folder, or the file a
 * worktree or a submodule has), as git itself finds it. Folders are asked once per run.
 */
function repositoryOf(dir: string, cache: Map<string, string | null>): string | null {
  const known = cache.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  const found = existsSync(path.join(dir, '.git')) ? dir : parent === dir ? null : repositoryOf(parent, cache);
  cache.set(dir, found);
  return found;
}

/**
 * The repositories among those holding `files` that have uncommitted changes (untracked files count: the
 * codemod may move a file onto one). Each repository is checked, not the current directory's: a run from
 * elsewhere with absolute paths must not rewrite a dirty tree. Files in no repository are not checked: there
 * is no committed copy to protect (the README says so). A repository git cannot read (not installed, an unsafe
 * owner) is an error, never a pass.
 */
export function dirtyRepositories(files: readonly string[]): DirtyRepository[] {
  const cache = new Map<string, string | null>();
  const roots = new Set<string>();
  for (const file of files) {
    const root = repositoryOf(path.dirname(file), cache);
    if (root !== null) roots.add(root);
  }
  const dirty: DirtyRepository[] = [];
  for (const root of [...roots].sort()) {
    let status: string;
    try {
      status = execFileSync('git', ['status', '--porcelain=v1', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stderr?: string; message?: string };
      throw new CodemodUsageError(`cannot read the git status of ${root}: ${(e.stderr || e.message || String(error)).trim().split('\n')[0]}`);
    }
    // `XY path\0`, and for a rename a second `\0`-ended path (the old name) after it.
    const records = status.split('\0').filter(Boolean);
    const changed: string[] = [];
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      changed.push(record.slice(3));
      if (record[0] === 'R' || record[0] === 'C') i++;
    }
    if (changed.length > 0) dirty.push({ root, file: changed[0]!, count: changed.length });
  }
  return dirty;
}
