import { readFile } from 'node:fs/promises';
import picomatch from 'picomatch';
import type { DiffCounts, FailOn } from './diff-report.js';

/** An --allow file that cannot be read: like an unreadable side, a usage error (exit 2). */
export class AllowFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot read the --allow file "${file}": ${reason}`);
    this.name = 'AllowFileError';
  }
}

/**
 * An --allow file: one URL glob a line (picomatch syntax, matched against canonical URLs), blank lines
 * and `#` comment lines ignored. A glob without a leading `/` gets one, since every URL starts with it.
 */
export function parseAllowList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((glob) => (glob.startsWith('/') || glob.startsWith('*') ? glob : `/${glob}`));
}

export async function loadAllowFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AllowFileError(file, code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  return parseAllowList(text);
}

/** The first glob that matches a URL, or null; dots and spaces in URLs are ordinary characters. */
export function allowMatcher(globs: readonly string[]): (url: string) => string | null {
  const matchers = globs.map((glob) => ({ glob, test: picomatch(glob, { dot: true }) }));
  return (url) => matchers.find((m) => m.test(url))?.glob ?? null;
}

/** How many findings fail the run under `failOn` (removed ⊂ changed ⊂ any). */
export function countFailures(counts: DiffCounts, failOn: FailOn): number {
  const removed = counts.removed - counts.removedAllowed;
  const changed = counts.routeChanges + counts.textChanged;
  switch (failOn) {
    case 'none':
      return 0;
    case 'removed':
      return removed;
    case 'changed':
      return removed + changed;
    case 'any':
      return removed + changed + counts.added;
  }
}

export function isFailing(kind: 'removed' | 'changed' | 'added', failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  if (kind === 'removed') return true;
  if (kind === 'changed') return failOn !== 'removed';
  return failOn === 'any';
}
