import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { findTransform, TRANSFORMS, type TransformEntry } from '../../codemods/index.js';
import type { Marker, Transform } from '../../codemods/_shared/types.js';
import { NEXT_CONFIG_FILES } from '../load/next-config.js';
import { CodemodUsageError } from './errors.js';
import { expandPaths, SOURCE_EXTENSIONS } from './expand-paths.js';
import { dirtyRepositories, type DirtyRepository } from './git-clean.js';
import { noInterrupts, watchInterrupts, type Interrupt } from './interrupt.js';
import type { Candidate, Pool } from './pool.js';
import type { FileJob, FileOutcome, ProcessOptions } from './process-file.js';
import { projectRootOf, type RootCache } from './project-root.js';
import { readSource } from './read-source.js';

export interface CodemodOptions {
  name: string;
  paths: readonly string[];
  dry?: boolean;
  print?: boolean;
  /** Run on a dirty git tree, and write read-only files (keeping their mode). */
  force?: boolean;
  json?: boolean;
  cwd?: string;
  /**
   * Worker threads transforming beside this one. By default one per further core, and only when more than
   * POOL_THRESHOLD files need parsing; 0 keeps every transform on this thread. Never more than one per further
   * core, nor than there are batches of files (see cappedWorkers).
   */
  workers?: number;
}

export interface CodemodSummary {
  transform: string;
  dry: boolean;
  counts: { changed: number; unchanged: number; skipped: number; failed: number; marked: number };
  /** Every file that is not plainly unchanged, in path order. */
  files: FileOutcome[];
  /** New files the changed ones needed (an app root layout), written (a dry run: to be written). */
  created?: { file: string; markers: Marker[] }[];
  /** Files a created one took over whole, removed (a dry run: to be removed), each with the reason. */
  removed?: { file: string; reason: string }[];
  /** Set when SIGINT or SIGTERM stopped the run: the files it did not get to are left as they were. */
  interrupted?: { signal: NodeJS.Signals; notProcessed: number };
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
/** The pool's batch size (pool.ts): a worker that would get no batch only costs its start. */
const POOL_BATCH = 8;

/**
 * The workers a run starts: as asked, but never more than one per further core (a thread beyond the cores only
 * adds its warm-up, and each costs tens of MB) nor more than the batches there are to share. `--workers 1000`
 * on five files starts one.
 */
export function cappedWorkers(asked: number, files: number, cores = availableParallelism()): number {
  return Math.max(0, Math.min(asked, Math.max(1, cores - 1), Math.ceil(files / POOL_BATCH)));
}

async function startPoolIfAvailable(transformName: string, options: ProcessOptions, workers: number, interrupt: Interrupt): Promise<Pool | undefined> {
  const { poolAvailable, startPool } = await import('./pool.js');
  return poolAvailable() ? startPool(transformName, options, workers, interrupt) : undefined;
}

function display(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

/**
 * The project's Next.js i18n config, for the transforms that move pages by locale. A config that exists but
 * cannot be evaluated is an error: guessing "no i18n" would silently write app/blog/… instead of
 * app/[locale]/blog/…. A folder without a next.config has no i18n.
 */
async function i18nOf(root: string, cwd: string): Promise<FileJob['i18n']> {
  const config = NEXT_CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
  if (config === undefined) return undefined;
  // Loaded on demand, like the parser and the pool below: a run with nothing to change stays light. The
  // config is the user's code: it runs in a host process of its own (load/host.ts), never in ours.
  const { inspectProject } = await import('../project/inspect.js');
  try {
    const project = await inspectProject(root);
    return project.next?.i18n;
  } catch (error) {
    throw new CodemodUsageError(
      `cannot evaluate ${display(cwd, config)}, so its i18n settings are unknown and the pages could move to the wrong URLs: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`,
    );
  }
}

function dirtyMessage(dirty: readonly DirtyRepository[], cwd: string): string {
  const named = dirty.map(({ root, file, count }) => ({ root: display(cwd, root) || '.', files: `${file}${count > 1 ? ` and ${count - 1} more` : ''}` }));
  const which =
    named.length === 1
      ? `the git repository ${named[0]!.root} has uncommitted changes (${named[0]!.files})`
      : `the git repositories ${named.map((n) => `${n.root} (${n.files})`).join(', ')} have uncommitted changes`;
  return `${which}; commit or stash them first, or pass --force`;
}

/** Reads each file once; the ones the transform may change become candidates, the rest outcomes. */
async function readCandidates(
  entry: TransformEntry,
  files: readonly string[],
  cwd: string,
  outcomes: FileOutcome[],
  interrupt: Interrupt,
  onCandidate: (count: number) => Promise<void>,
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  const roots = new Map<string, FileJob['i18n']>();
  const rootCache: RootCache = new Map();
  for (const file of files) {
    if (interrupt.signal()) break;
    const name = display(cwd, file);
    let read;
    try {
      read = readSource(file);
    } catch (error) {
      outcomes.push({ file: name, status: 'failed', reason: `cannot read it: ${(error as Error).message}`, markers: [] });
      continue;
    }
    const projectPath = file.split('\\').join('/');
    if (!read.ok) {
      // A file whose text cannot contain what the transform rewrites is no reason to fail the run.
      if (read.lossy !== undefined && !entry.mayApply(projectPath, read.lossy)) outcomes.push({ file: name, status: 'unchanged', markers: [] });
      else outcomes.push({ file: name, status: 'failed', reason: read.problem, markers: [] });
      continue;
    }
    if (!entry.mayApply(projectPath, read.text)) {
      outcomes.push({ file: name, status: 'unchanged', markers: [] });
      continue;
    }
    const root = projectRootOf(file, cwd, rootCache);
    if (entry.readsI18n && !roots.has(root)) roots.set(root, await i18nOf(root, cwd));
    candidates.push({ job: { file, root, i18n: roots.get(root), mode: read.mode }, source: read.text });
    await onCandidate(candidates.length);
  }
  return candidates;
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
  const { files, passedOver } = expandPaths(options.paths, cwd);
  if (!dry && !options.force) {
    const dirty = dirtyRepositories(files);
    if (dirty.length > 0) throw new CodemodUsageError(dirtyMessage(dirty, cwd));
  }

  const outcomes: FileOutcome[] = passedOver.map(({ file, reason }) => ({ file: display(cwd, file), status: 'skipped', reason, markers: [] }));
  const processOptions: ProcessOptions = { cwd, dry, print: options.print ?? false, force: options.force ?? false };
  const workers = cappedWorkers(options.workers ?? availableParallelism() - 1, files.length);
  // The pool starts as soon as the run knows it will use one: asked for, or past the threshold.
  const poolAt = workers === 0 ? Infinity : options.workers !== undefined ? 1 : POOL_THRESHOLD + 1;
  const interrupt = dry ? noInterrupts() : watchInterrupts();
  let pool: Pool | undefined;
  try {
    let candidates: Candidate[];
    let transform: Transform;
    try {
      candidates = await readCandidates(entry, files, cwd, outcomes, interrupt, async (count) => {
        // The workers load while the rest of the files are read.
        if (count === poolAt) pool = await startPoolIfAvailable(entry.name, processOptions, workers, interrupt);
      });
      if (candidates.length === 0 || interrupt.signal()) {
        await pool?.close();
        return summarize(entry.name, dry, outcomes, interrupt, files.length + passedOver.length);
      }
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
        for (const outcome of await pool.run(transform, candidates, writer)) if (outcome) outcomes.push(outcome);
      } else {
        const processGroup = processWith(transform, processOptions, writer);
        const settled: (FileOutcome | Promise<FileOutcome>)[] = [];
        for (let i = 0; i < candidates.length && !interrupt.signal(); i += CHECK_GROUP) {
          settled.push(...processGroup(candidates.slice(i, i + CHECK_GROUP)));
          // A signal is handled between two groups, never inside a write.
          await new Promise((resolve) => setImmediate(resolve));
        }
        outcomes.push(...(await settleAll(settled)));
      }
    } finally {
      await writer.close();
    }
    const { created, removed } = await writeCompanions(outcomes, dry, cwd);
    return summarize(entry.name, dry, outcomes, interrupt, files.length + passedOver.length, created, removed);
  } finally {
    interrupt.dispose();
  }
}

/** A file the run created for the changed ones, and the files it took over and removed. */
interface Created {
  file: string;
  markers: Marker[];
}

interface Removed {
  file: string;
  reason: string;
}

/** Whether `dir` still holds a page: a source file not named `_…` (pages/_app, _document) and not `gone`. */
function holdsPage(dir: string, gone: ReadonlySet<string>): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name !== 'node_modules' && holdsPage(full, gone);
    return !entry.name.startsWith('_') && SOURCE_EXTENSIONS.includes(path.extname(entry.name)) && !gone.has(full);
  });
}

/**
 * The new files the changed files asked for (an app root layout), each once, after every file: written
 * where no file of that name exists (never over one, and not at all when no file that needs it changed), or
 * in a dry run listed where none exists. A write that fails is a failed outcome of its own. A file the new
 * one carries whole (a plain pages/_app) is removed once no page is left in its folder: next build fails on
 * a pages/ folder that holds nothing else.
 */
async function writeCompanions(outcomes: FileOutcome[], dry: boolean, cwd: string): Promise<{ created: Created[]; removed: Removed[] }> {
  const { TargetExistsError, writeFileAtomic } = await import('./write-atomic.js');
  const wanted = new Map<string, NonNullable<FileOutcome['companions']>[number]>();
  // In a dry run the moved files are still on disk.
  const gone = new Set<string>();
  for (const outcome of outcomes) {
    for (const companion of outcome.companions ?? []) if (!wanted.has(companion.file)) wanted.set(companion.file, companion);
    delete outcome.companions;
    if (outcome.movedTo !== undefined) gone.add(path.resolve(cwd, outcome.file));
  }
  const created: Created[] = [];
  const removed: Removed[] = [];
  for (const [file, { source, markers, replaces = [] }] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (existsSync(file)) continue;
    if (!dry) {
      try {
        writeFileAtomic(file, source, { exclusive: true });
      } catch (error) {
        if (error instanceof TargetExistsError) continue;
        outcomes.push({ file: display(cwd, file), status: 'failed', reason: `could not create it: ${(error as Error).message.split('\n')[0]}`, markers: [] });
        continue;
      }
    }
    created.push({ file: display(cwd, file), markers });
    for (const old of replaces) {
      if (!existsSync(old) || holdsPage(path.dirname(old), gone)) continue;
      if (!dry) unlinkSync(old);
      const folder = display(cwd, path.dirname(old));
      removed.push({
        file: display(cwd, old),
        reason: `carried whole into ${display(cwd, file)}, and no page is left in ${folder}/ (next build fails on a pages/ folder that holds nothing but _app or _document)`,
      });
    }
  }
  return { created, removed: removed.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

function summarize(
  transform: string,
  dry: boolean,
  outcomes: FileOutcome[],
  interrupt: Interrupt,
  total: number,
  created: Created[] = [],
  removed: Removed[] = [],
): CodemodSummary {
  const counts = { changed: 0, unchanged: 0, skipped: 0, failed: 0, marked: 0 };
  for (const outcome of outcomes) {
    counts[outcome.status]++;
    if (outcome.markers.length > 0) counts.marked++;
  }
  counts.marked += created.filter((c) => c.markers.length > 0).length;
  const listed = outcomes.filter((o) => o.status !== 'unchanged').sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const summary: CodemodSummary = { transform, dry, counts, files: listed };
  if (created.length > 0) summary.created = created;
  if (removed.length > 0) summary.removed = removed;
  const signal = interrupt.signal();
  if (signal) summary.interrupted = { signal, notProcessed: total - outcomes.length };
  return summary;
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
  for (const c of summary.created ?? []) lines.push(`  created ${c.file}`);
  for (const r of summary.removed ?? []) lines.push(`  removed ${r.file}: ${r.reason}`);
  for (const o of summary.files) {
    for (const marker of o.markers) lines.push(`  marker ${formatMarker(o.movedTo ?? o.file, marker)}`);
  }
  for (const c of summary.created ?? []) for (const marker of c.markers) lines.push(`  marker ${formatMarker(c.file, marker)}`);
  for (const o of summary.files) if (o.status === 'skipped') lines.push(`  skipped ${o.file}: ${o.reason}`);
  for (const o of summary.files) if (o.status === 'failed') lines.push(`  failed ${o.file}: ${o.reason}`);
  if (summary.interrupted) {
    const { signal, notProcessed } = summary.interrupted;
    lines.push(`interrupted by ${signal}: ${notProcessed} files not processed and left as they were (no file was half-written); run again to finish`);
  }
  return lines.join('\n') + '\n';
}

/** The machine summary (`--json`). */
export function summaryJson(summary: CodemodSummary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}
