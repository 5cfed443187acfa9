import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { chmod, copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { onExitCleanup } from '../load/exit-cleanup.js';
import { removeTree } from '../load/remove-tree.js';

/**
 * The migrated project, first as a list of files in memory (text written by the migration, or a source file
 * to copy with its bytes and mode), then written whole into a temporary folder beside the target and renamed
 * into place. An error or a signal before the rename leaves neither a partial output nor the temporary folder.
 */

export type OutputFile =
  | { kind: 'text'; text: string; mode?: number }
  | { kind: 'copy'; from: string; mode: number };

export class MigrateUsageError extends Error {
  override name = 'MigrateUsageError';
}

export class OutputTree {
  readonly files = new Map<string, OutputFile>();
  /** Symbolic links of the source, by output-relative path: each is written as a link with the same text. */
  readonly links = new Map<string, string>();

  /** Output-relative path, forward slashes. A second write to one path replaces the first. */
  write(file: string, text: string, mode?: number): void {
    this.files.set(normalize(file), mode === undefined ? { kind: 'text', text } : { kind: 'text', text, mode });
  }

  copy(file: string, from: string): void {
    this.files.set(normalize(file), { kind: 'copy', from, mode: statSync(from).mode & 0o7777 });
  }

  has(file: string): boolean {
    return this.files.has(normalize(file));
  }

  /** Whether the output writes `file` itself or something inside a folder of that name. */
  occupies(file: string): boolean {
    const prefix = `${normalize(file)}/`;
    return this.has(file) || [...this.files.keys()].some((written) => written.startsWith(prefix));
  }

  text(file: string): string | undefined {
    const entry = this.files.get(normalize(file));
    return entry?.kind === 'text' ? entry.text : undefined;
  }

  delete(file: string): void {
    this.files.delete(normalize(file));
  }

  /** Every path, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}

function normalize(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Checks the target before any work: it must not be the source or inside it (the source is never written),
 * and an existing non-empty folder is refused unless `force`.
 */
export function checkTarget(source: string, target: string, force: boolean): void {
  const relative = path.relative(source, target);
  if (relative === '') throw new MigrateUsageError(`the output ${target} is the source itself; choose another --out (the source is never modified)`);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new MigrateUsageError(`the output ${target} is inside the source ${source}; choose a folder outside it (the source is never modified)`);
  }
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new MigrateUsageError(`the output ${target} exists and is not a folder`);
  if (readdirSync(target).length > 0 && !force) {
    throw new MigrateUsageError(`the output ${target} exists and is not empty; pass --force to replace it, or choose another --out`);
  }
}

/**
 * Writes the tree into `<target>.zfb-next-<pid>` (beside the target, so the final rename stays on one file
 * system), then renames it to `target`, replacing an existing target (checked by checkTarget) last. The
 * writes yield to the event loop, so Ctrl-C is handled while they run: the exit cleanup removes the
 * temporary folder and the signal ends the process, before any output is in place.
 */
export async function commitTree(tree: OutputTree, target: string): Promise<void> {
  await commitTreeKeeping(tree, target, []);
}

/**
 * What of the source folder `--in-place` keeps beside the zfb project: its git history, and the link to
 * its host project. The rest of the old folder (the Next.js files, node_modules, .next) goes; the zfb
 * project has its own copy of every source file it needs, and git has the rest.
 */
export const KEPT_IN_PLACE = ['.git', '.vercel'];

/**
 * `--in-place`: the source folder becomes the zfb project. Refused unless the source is a git work tree
 * without uncommitted changes (git then holds the Next.js project), or `force`.
 */
export function checkInPlace(source: string, force: boolean): void {
  if (force) return;
  const state = gitState(source);
  if (state === 'none') throw new MigrateUsageError(`--in-place replaces ${source}, whose files no git repository tracks, so the Next.js project could not be recovered; commit it to git first, use --out, or pass --force`);
  if (state === 'dirty') throw new MigrateUsageError(`--in-place replaces ${source}, whose git tree has uncommitted changes; commit or stash them first (git status), use --out, or pass --force`);
}

function gitState(dir: string): 'clean' | 'dirty' | 'none' {
  const git = (args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    if (git(['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return 'none';
    // A folder inside a larger repository that ignores it is in a work tree, yet git holds none of it.
    if (git(['ls-files', '--', '.']).trim() === '') return 'none';
  } catch {
    return 'none';
  }
  // Only what is under the source counts: changes elsewhere in a larger repository are not replaced. No
  // optional locks: a plain `git status` refreshes .git/index, and a refused run must change nothing.
  return git(['--no-optional-locks', 'status', '--porcelain', '--', '.']).trim() === '' ? 'clean' : 'dirty';
}

/** The tree written whole, then the source folder replaced by it; what KEPT_IN_PLACE names moves across. */
export async function commitInPlace(tree: OutputTree, source: string): Promise<void> {
  await commitTreeKeeping(tree, source, KEPT_IN_PLACE);
}

async function commitTreeKeeping(tree: OutputTree, target: string, kept: readonly string[]): Promise<void> {
  const staging = `${target}.zfb-next-${process.pid}`;
  // Ctrl-C may come while writes are under way on libuv's threads: a file they add during the removal
  // fails it (ENOTEMPTY), so it is tried again. The folders all exist before the first write, so once
  // the removal is through nothing can appear again.
  const release = onExitCleanup(() => rmSync(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 5 }));
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const files = tree.paths().map((file) => ({ entry: tree.files.get(file)!, destination: path.join(staging, ...file.split('/')) }));
    for (const dir of new Set(files.map((f) => path.dirname(f.destination)))) mkdirSync(dir, { recursive: true });
    // Several files at a time: one write after another leaves the disk idle between them (4,000 files).
    await inParallel(files, WRITES_AT_ONCE, async ({ entry, destination }) => {
      if (entry.kind === 'copy') {
        await copyFile(entry.from, destination);
        await chmod(destination, entry.mode);
      } else {
        await writeFile(destination, entry.text);
        if (entry.mode !== undefined) await chmod(destination, entry.mode);
      }
    });
    for (const [file, link] of tree.links) {
      if (tree.occupies(file)) continue;
      const destination = path.join(staging, ...file.split('/'));
      mkdirSync(path.dirname(destination), { recursive: true });
      symlinkSync(link, destination);
    }
    if (existsSync(target)) {
      const old = `${target}.zfb-next-old-${process.pid}`;
      // Renames only, without a wait between them: a signal is handled before or after, never in between.
      renameSync(target, old);
      renameSync(staging, target);
      for (const name of kept) if (existsSync(path.join(old, name))) renameSync(path.join(old, name), path.join(target, name));
      await removeTree(old);
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(staging, target);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

const WRITES_AT_ONCE = 16;

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
