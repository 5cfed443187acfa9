import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { appendFile, chmod, lstat, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where `zfb-next diff` writes its report (--output) and the job summary it appends to. Every report format
 * starts with a mark of its own, so an existing file can be told apart from anything else the user has:
 * --output replaces only a report this command wrote (or anything, with --force), and never half-writes.
 */

const REPORT_MARKS = [
  /^<!-- zfb-next-diff -->/, // md
  /^\{\s*"schema": "zfb-next-diff"/, // json
  /^<\?xml[^>]*\?>\s*<testsuites name="zfb-next diff"/, // junit
  /^<!doctype html>[\s\S]{0,600}<meta name="generator" content="zfb-next diff">/i, // html
];

/**
 * Checked before the diff runs, so that a refused --output costs nothing: an existing file must be a
 * zfb-next diff report, unless `force`. Returns the reason to refuse, or undefined. A path that cannot be
 * written at all (a directory, a file in the way of a folder) is not refused here: writeReport says why.
 */
export async function refuseOutput(file: string, force: boolean): Promise<string | undefined> {
  if (force) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (!info || info.isDirectory()) return undefined;
  if (!info.isFile()) return 'it is not a regular file (pass --force to write to it anyway)';
  let head: string;
  try {
    head = readHead(file);
  } catch (error) {
    return `it exists and cannot be read (${describeError(error)}), so it cannot be told to be a report zfb-next diff wrote (pass --force to replace it)`;
  }
  if (!isDiffReport(head)) return 'it exists and is not a report zfb-next diff wrote (pass --force to replace it)';
  return undefined;
}

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

function isDiffReport(head: string): boolean {
  return REPORT_MARKS.some((mark) => mark.test(head));
}

/**
 * Writes the report through a temporary file beside it and a rename, keeping an existing file's mode; a
 * link is written through to its target, which stays a link. Missing parent folders are made. Returns the
 * reason it failed, or undefined.
 */
export async function writeReport(file: string, text: string): Promise<string | undefined> {
  try {
    const existing = await lstat(file).catch(() => undefined);
    const target = existing?.isSymbolicLink() ? await realpath(file) : file;
    const info = existing ? await stat(target) : undefined;
    if (info?.isDirectory()) return 'it is a directory';
    const mode = info ? info.mode & 0o7777 : undefined;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, text, mode === undefined ? {} : { mode });
      if (mode !== undefined) await chmod(temp, mode);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** Appends to GITHUB_STEP_SUMMARY, which GitHub creates: a missing folder or a directory is an error, not made. */
export async function appendSummary(file: string, text: string): Promise<string | undefined> {
  try {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info?.isDirectory()) return 'it is a directory';
    await appendFile(file, text.endsWith('\n') ? text : `${text}\n`);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of its path is a file, not a folder';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message;
  }
}
