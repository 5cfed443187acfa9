import { chmodSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { routeTwins } from './route-twins.js';

let counter = 0;

/**
 * Makes `dir` and its missing parents, top-down from the nearest folder in `knownDirs` (folders this run made,
 * found or knows to exist), so each new folder costs one call; without a known ancestor, a recursive mkdir.
 */
function ensureDir(dir: string, knownDirs: Set<string>): void {
  const missing: string[] = [];
  let current = dir;
  while (!knownDirs.has(current)) {
    const parent = path.dirname(current);
    if (parent === current) {
      mkdirSync(dir, { recursive: true });
      missing.length = 0;
      break;
    }
    missing.push(current);
    current = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  for (let d = dir; !knownDirs.has(d) && path.dirname(d) !== d; d = path.dirname(d)) knownDirs.add(d);
}

export class TargetExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

export interface WriteOptions {
  exclusive?: boolean;
  knownDirs?: Set<string>;
  /** The permission bits the file gets (those of the file it replaces), whatever the umask. */
  mode?: number;
}

/**
 * Writes through a temporary file in the same directory and a rename, so a reader never sees half a file.
 * With `exclusive`, an existing file is never replaced: the temporary file is hard-linked into place, which
 * fails atomically when the name is taken, so two files moved to one name in parallel cannot overwrite each
 * other. Throws TargetExistsError then. `knownDirs`, shared by the writes of one run, saves asking for folders
 * already made.
 */
export function writeFileAtomic(file: string, text: string, { exclusive = false, knownDirs = new Set<string>(), mode }: WriteOptions = {}): void {
  const dir = path.dirname(file);
  ensureDir(dir, knownDirs);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}-${threadId}.${++counter}.tmp`);
  try {
    writeFileSync(temp, text);
    // Set on the temporary file, so the name never shows the file with other permissions.
    if (mode !== undefined) chmodSync(temp, mode);
    if (exclusive) linkInPlace(temp, file);
    else renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Puts `temp` in place as `file` only when that name is free, and takes the temporary name away. */
function linkInPlace(temp: string, file: string): void {
  try {
    linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError(file);
    // A file system without hard links: the check and the rename are two steps there.
    if (existsSync(file)) throw new TargetExistsError(file);
    renameSync(temp, file);
    return;
  }
  unlinkSync(temp);
}

/** What a changed file leaves to write: the new text, where it goes, and the file it replaces when moved. */
export interface PendingWrite {
  target: string;
  text: string;
  /** The project root of the file: it exists, so folders are made from there down. */
  root: string;
  /** A moved file: never replace an existing file at the target, and remove this one once the target is written. */
  movedFrom?: string;
  /** The permission bits of the file it replaces (a moved file: of the file it moves). */
  mode?: number;
}

/** Why a write did not happen, as plain data (it crosses thread boundaries). */
export interface WriteFailure {
  targetExists: boolean;
  message: string;
  /** The file of the same route, under another name, that made a moved file stay where it was. */
  twin?: string;
}

/**
 * Writes a changed file atomically (a moved file: the new file first, then the old one removed).
 * `knownDirs` is the writer's record of folders that exist (see writeFileAtomic).
 */
export function commitWrite(write: PendingWrite, knownDirs: Set<string>): WriteFailure | undefined {
  knownDirs.add(write.root);
  const moved = write.movedFrom !== undefined;
  try {
    writeFileAtomic(write.target, write.text, { exclusive: moved, knownDirs, mode: write.mode });
  } catch (error) {
    // Another file of this run may have moved to the same name first (workers write in parallel).
    return { targetExists: error instanceof TargetExistsError, message: (error as Error).message.split('\n')[0]! };
  }
  if (moved) {
    // Asked after the new file is in place: of two files of one run moving to one route under two names, at
    // least the second to get here sees the first (both may step back; neither is lost).
    const twin = routeTwins(write.root, write.target, write.movedFrom).find((file) => existsSync(file));
    if (twin !== undefined) {
      unlinkSync(write.target);
      return { targetExists: true, message: `${twin} already exists`, twin };
    }
    unlinkSync(write.movedFrom!);
  }
  return undefined;
}
