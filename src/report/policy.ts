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

/** One glob of an --allow file and the line it is on (1-based), to name it in reports and errors. */
export interface AllowRule {
  glob: string;
  line: number;
}

/**
 * An --allow file: one URL glob a line (picomatch syntax, matched against canonical URLs), blank lines
 * and `#` comment lines ignored. A glob without a leading `/` gets one, since every URL starts with it.
 * A glob picomatch cannot read as written (an unclosed `[`, `{` or `(`) and a negated glob (`!x` or
 * `!(x)`, which allows every removal except the ones it names) are refused with their line.
 */
export function parseAllowList(text: string): AllowRule[] {
  const rules: AllowRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const glob = raw.trim();
    if (glob === '' || glob.startsWith('#')) return;
    const line = index + 1;
    if (glob.startsWith('!')) {
      throw new AllowGlobError(line, glob, 'a negated glob allows every removal it does not name; list the URLs to allow instead');
    }
    const rule = { glob: glob.startsWith('/') || glob.startsWith('*') ? glob : `/${glob}`, line };
    try {
      picomatch.makeRe(rule.glob, { dot: true, strictBrackets: true });
    } catch (error) {
      throw new AllowGlobError(line, glob, (error as Error).message);
    }
    rules.push(rule);
  });
  return rules;
}

/** A line of an --allow file that is no usable glob; loadAllowFile names the file. */
export class AllowGlobError extends Error {
  constructor(
    readonly line: number,
    readonly glob: string,
    readonly reason: string,
  ) {
    super(`line ${line}: ${JSON.stringify(glob)} is not a valid glob: ${reason}`);
    this.name = 'AllowGlobError';
  }
}

export async function loadAllowFile(file: string, shownAs = file): Promise<AllowRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AllowFileError(shownAs, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message);
  }
  try {
    return parseAllowList(text);
  } catch (error) {
    if (error instanceof AllowGlobError) throw new AllowFileError(shownAs, error.message);
    throw error;
  }
}

/** The first glob that matches a URL, or null; dots and spaces in URLs are ordinary characters. */
export function allowMatcher(globs: readonly string[]): (url: string) => string | null {
  const matchers = globs.map((glob) => ({ glob, test: picomatch(glob, { dot: true }) }));
  return (url) => matchers.find((m) => m.test(url))?.glob ?? null;
}

/** How many removed URLs each allow line matches (a URL two globs match counts for both). */
export function allowMatches(rules: readonly AllowRule[], removedUrls: readonly string[]): Array<AllowRule & { removed: number }> {
  return rules.map((rule) => {
    const test = picomatch(rule.glob, { dot: true });
    return { ...rule, removed: removedUrls.filter((url) => test(url)).length };
  });
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
