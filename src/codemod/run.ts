import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { findTransform, TRANSFORMS } from '../../codemods/index.js';
import type { Marker, Transform } from '../../codemods/_shared/types.js';
import { CodemodUsageError } from './errors.js';
import { expandPaths } from './expand-paths.js';
import { isGitClean } from './git-clean.js';
import type { Candidate, Pool } from './pool.js';
import type { FileJob, FileOutcome, ProcessOptions } from './process-file.js';
import { projectRootOf, type RootCache } from './project-root.js';

export interface CodemodOptions {
  name: string;
  paths: readonly string[];
  dry?: boolean;
  print?: boolean;
  force?: boolean;
  json?: boolean;
  cwd?: string;
  /**
   * Worker threads transforming beside this one. By default one per further core, and only when more than
   * POOL_THRESHOLD files need parsing; 0 keeps every transform on this thread.
   */
  workers?: number;
}

export interface CodemodSummary {
  transform: string;
  dry: boolean;
  counts: { changed: number; unchanged: number; skipped: number; failed: number; marked: number };
  /** Every file that is not plainly unchanged, in path order. */
  files: FileOutcome[];
}

/**
 * Each worker first spends CPU loading and warming up the parser and the transforms (V8 optimises them anew in
 * every thread), and on two cores it competes with this thread's optimising compiler. Measured on two cores
 * (medians of interleaved runs) when the transforms still reprinted with recast, a run on this thread with its
 * writes on a thread of their own beat the pool at 500, 1,000 and 1,500 files to parse, was even at 3,000 and
 * lost at 5,000. A worker started only once this thread was warm (after 100 or 200 of 500 files) did not help
 * either. With the text-edit transforms, one worker at 1,000 files was still slower (median of 6 pairs: 1.12
 * times the time).
 */
const POOL_THRESHOLD = 2_000;
/** Files transformed before their outputs are checked (process-file.ts, transformFiles). */
const CHECK_GROUP = 32;
/** Below this many files, starting a thread for the writes costs more than it saves. */
const WRITER_THREAD_THRESHOLD = 32;

async function startPoolIfAvailable(transformName: string, options: ProcessOptions, workers: number): Promise<Pool | undefined> {
  const { poolAvailable, startPool } = await import('./pool.js');
  return poolAvailable() ? startPool(transformName, options, workers) : undefined;
}

async function i18nOf(root: string): Promise<FileJob['i18n']> {
  // Loaded on demand, like the parser and the pool below: a run with nothing to change stays light.
  const { discoverProject } = await import('../project/discover.js');
  try {
    const project = await discoverProject(root);
    return project.next?.i18n;
  } catch {
    // A folder that is no complete project still gets its files transformed, without i18n.
    return undefined;
  }
}

/**
 * Runs one transform over files and directories. Throws CodemodUsageError when it cannot run as asked;
 * otherwise every file's fate is in the summary, and only files whose text really changes are written.
 */
export async function runCodemod(options: CodemodOptions): Promise<CodemodSummary> {
  const cwd = options.cwd ?? process.cwd();
  const dry = options.dry ?? false;
  const entry = findTransform(options.name);
  if (!entry) {
    throw new CodemodUsageError(`unknown transform "${options.name}"; valid transforms: ${TRANSFORMS.map((t) => t.name).join(', ')}`);
  }
  const files = expandPaths(options.paths, cwd);
  if (!dry && !options.force && !isGitClean(cwd)) {
    throw new CodemodUsageError('the git work tree has uncommitted changes; commit or stash them first, or pass --force');
  }

  const outcomes: FileOutcome[] = [];
  const candidates: Candidate[] = [];
  const roots = new Map<string, FileJob['i18n']>();
  const rootCache: RootCache = new Map();
  const processOptions = { cwd, dry, print: options.print ?? false };
  const workers = options.workers ?? availableParallelism() - 1;
  // The pool starts as soon as the run knows it will use one: asked for, or past the threshold.
  const poolAt = workers === 0 ? Infinity : options.workers !== undefined ? 1 : POOL_THRESHOLD + 1;
  let pool: Pool | undefined;
  let transform: Transform;
  try {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      if (!entry.mayApply(file.split('\\').join('/'), source)) {
        outcomes.push({ file, status: 'unchanged', markers: [] });
        continue;
      }
      const root = projectRootOf(file, cwd, rootCache);
      if (!roots.has(root)) roots.set(root, await i18nOf(root));
      candidates.push({ job: { file, root, i18n: roots.get(root) }, source });
      // The workers load while the rest of the files are read.
      if (candidates.length === poolAt) pool = await startPoolIfAvailable(entry.name, processOptions, workers);
    }
    if (candidates.length === 0) return summarize(entry.name, dry, outcomes);
    transform = await entry.load();
  } catch (error) {
    // Running workers would keep the process alive.
    await pool?.close();
    throw error;
  }
  const { processWith, settleAll, startWriter, writerHere } = await import('./writer.js');
  const writer = !dry && candidates.length >= WRITER_THREAD_THRESHOLD ? startWriter() : writerHere();
  try {
    if (pool) {
      outcomes.push(...(await pool.run(transform, candidates, writer)));
    } else {
      const processGroup = processWith(transform, processOptions, writer);
      const settled: (FileOutcome | Promise<FileOutcome>)[] = [];
      for (let i = 0; i < candidates.length; i += CHECK_GROUP) settled.push(...processGroup(candidates.slice(i, i + CHECK_GROUP)));
      outcomes.push(...(await settleAll(settled)));
    }
  } finally {
    await writer.close();
  }

  return summarize(entry.name, dry, outcomes);
}

function summarize(transform: string, dry: boolean, outcomes: FileOutcome[]): CodemodSummary {
  const counts = { changed: 0, unchanged: 0, skipped: 0, failed: 0, marked: 0 };
  for (const outcome of outcomes) {
    counts[outcome.status]++;
    if (outcome.markers.length > 0) counts.marked++;
  }
  const listed = outcomes.filter((o) => o.status !== 'unchanged').sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { transform, dry, counts, files: listed };
}

export function formatMarker(file: string, marker: Marker): string {
  return `${file}:${marker.line}: ${marker.reason}`;
}

/** The human summary: counts, moves, markers (file:line: reason), skipped and failed files, patches. */
export function formatSummary(summary: CodemodSummary): string {
  const lines: string[] = [];
  for (const outcome of summary.files) if (outcome.patch) lines.push(outcome.patch.trimEnd());
  const { changed, unchanged, skipped, failed, marked } = summary.counts;
  lines.push(
    `${summary.transform}: ${changed} changed, ${unchanged} unchanged, ${skipped} skipped, ${failed} failed, ${marked} marked` +
      (summary.dry ? ' (dry run: nothing written)' : ''),
  );
  for (const o of summary.files) {
    if (o.status === 'changed') lines.push(`  changed ${o.file}${o.movedTo ? ` → ${o.movedTo}` : ''}`);
  }
  for (const o of summary.files) {
    for (const marker of o.markers) lines.push(`  marker ${formatMarker(o.movedTo ?? o.file, marker)}`);
  }
  for (const o of summary.files) if (o.status === 'skipped') lines.push(`  skipped ${o.file}: ${o.reason}`);
  for (const o of summary.files) if (o.status === 'failed') lines.push(`  failed ${o.file}: ${o.reason}`);
  return lines.join('\n') + '\n';
}

/** The machine summary (`--json`). */
export function summaryJson(summary: CodemodSummary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}
