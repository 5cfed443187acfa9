import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { onExitCleanup } from '../load/exit-cleanup.js';

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
  const staging = `${target}.zfb-next-${process.pid}`;
  const release = onExitCleanup(() => rmSync(staging, { recursive: true, force: true }));
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const made = new Set<string>([staging]);
    for (const file of tree.paths()) {
      const entry = tree.files.get(file)!;
      const destination = path.join(staging, ...file.split('/'));
      const dir = path.dirname(destination);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      if (entry.kind === 'copy') {
        await copyFile(entry.from, destination);
        await chmod(destination, entry.mode);
      } else {
        await writeFile(destination, entry.text);
        if (entry.mode !== undefined) await chmod(destination, entry.mode);
      }
    }
    if (existsSync(target)) {
      const old = `${target}.zfb-next-old-${process.pid}`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
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
