import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { newMarkers } from '../../codemods/_shared/marker.js';
import type { Marker, Transform, TransformResult } from '../../codemods/_shared/types.js';
import { assertParses } from './parses.js';
import { toProjectPath } from './project-root.js';
import { readSource } from './read-source.js';
import { routeTwins } from './route-twins.js';
import { commitWrite, type PendingWrite, type WriteFailure } from './write-atomic.js';

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface FileOutcome {
  /** Relative to the run's cwd, forward slashes. */
  file: string;
  status: FileStatus;
  /** Where the new text went (relative to cwd) when the transform moved the file. */
  movedTo?: string;
  reason?: string;
  markers: Marker[];
  /** A unified diff, when printing was asked for and the file changed. */
  patch?: string;
  /** New files the output needs (absolute paths), for the run to write once after every file: see run.ts. */
  companions?: { file: string; source: string; markers: Marker[]; replaces?: string[] }[];
}

export interface FileJob {
  file: string;
  root: string;
  i18n?: { locales: string[]; defaultLocale: string };
  /** The file's permission bits, as read: the new file gets them too. */
  mode: number;
}

export interface ProcessOptions {
  cwd: string;
  dry: boolean;
  print: boolean;
  /** Write read-only files too (their mode is kept). */
  force?: boolean;
}

function display(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function parseError(error: unknown): string {
  const e = error as { message?: string };
  return (e.message ?? String(error)).split('\n')[0]!;
}

/** A file the transform changed, its output not yet checked. */
interface Produced {
  file: string;
  source: string;
  output: string;
  /** Where the output goes: the file itself, or where the transform moved it. */
  target: string;
  moved: boolean;
  markers: Marker[];
  job: FileJob;
  companions?: TransformResult['companions'];
}

/**
 * Runs the transform on one file. Never throws for a bad file: a failed, skipped or unchanged file comes back
 * as its outcome, a changed one as its output, still to be checked (checkOutput).
 */
function produce(
  transform: Transform,
  job: FileJob,
  source: string,
  options: ProcessOptions,
  read: (file: string) => string | undefined,
): { outcome: FileOutcome } | { produced: Produced } {
  const file = display(options.cwd, job.file);
  const relative = toProjectPath(job.root, job.file);
  let result;
  try {
    result = transform({ path: relative, source, i18n: job.i18n, readFile: (projectPath) => read(path.join(job.root, projectPath)) });
  } catch (error) {
    return { outcome: { file, status: 'failed', reason: `transform failed: ${parseError(error)}`, markers: [] } };
  }
  if (result.skipped !== undefined) return { outcome: { file, status: 'skipped', reason: result.skipped, markers: [] } };
  const moved = result.outputPath !== undefined && result.outputPath !== relative;
  if (result.source === null || (result.source === source && !moved)) return { outcome: { file, status: 'unchanged', markers: [] } };
  const target = moved ? path.join(job.root, result.outputPath!) : job.file;
  return { produced: { file, source, output: result.source, target, moved, markers: result.markers, job, companions: result.companions } };
}

/** Re-parses a transform's output: a file whose output would not parse is reported and left untouched. */
function checkOutput(produced: Produced, options: ProcessOptions): { outcome: FileOutcome; write?: PendingWrite } {
  const { file, source, output, target, moved } = produced;
  try {
    assertParses(output, target);
  } catch (error) {
    return { outcome: { file, status: 'failed', reason: `output would not parse, file left untouched: ${parseError(error)}`, markers: [] } };
  }
  // No write permission for anyone: the owner meant it to stay as it is (a rename would bypass that).
  if ((produced.job.mode & 0o222) === 0 && !options.force) {
    const mode = produced.job.mode.toString(8).padStart(4, '0');
    return { outcome: { file, status: 'failed', reason: `read-only (mode ${mode}), file left untouched: pass --force to write it (its mode is kept)`, markers: [] } };
  }
  // A real run finds a taken name when it writes (atomically: see commitWrite); a dry run asks here.
  if (moved && options.dry) {
    const taken = [target, ...routeTwins(produced.job.root, target, produced.job.file)].find((f) => existsSync(f));
    if (taken !== undefined) {
      return { outcome: { file, status: 'failed', reason: `${alreadyExists(options.cwd, target, taken)}, file left untouched`, markers: [] } };
    }
  }
  // The printed text is what users see, so marker lines are read from it.
  const found = newMarkers(source, output);
  const markers = found.length > 0 ? found : produced.markers;
  const outcome: FileOutcome = { file, status: 'changed', markers };
  if (moved) outcome.movedTo = display(options.cwd, target);
  if (produced.companions?.length) {
    outcome.companions = produced.companions.map((c) => ({
      file: path.join(produced.job.root, c.path),
      source: c.source,
      markers: c.markers,
      ...(c.replaces ? { replaces: c.replaces.map((r) => path.join(produced.job.root, r)) } : {}),
    }));
  }
  if (options.print) {
    outcome.patch = createTwoFilesPatch(file, outcome.movedTo ?? file, source, output);
  }
  if (options.dry) return { outcome };
  return { outcome, write: { target, text: output, root: produced.job.root, movedFrom: moved ? produced.job.file : undefined, mode: produced.job.mode } };
}

/** `app/x/page.tsx already exists`, or for a twin `app/x/page.jsx already exists (the route of app/x/page.tsx)`. */
function alreadyExists(cwd: string, target: string, existing: string): string {
  if (existing === target) return `${display(cwd, target)} already exists`;
  return `${display(cwd, existing)} already exists (the route of ${display(cwd, target)})`;
}

/**
 * Files through one transform, each output re-parsed before it counts. The outputs of a group are checked
 * after the whole group is transformed, not each right after its own: parses in a row run faster than parses
 * between transforms. Measured on 500 bench pages, the checks took 200 to 222 ms one by one and 125 to 179 ms
 * in groups of 32 (three runs each). Never throws for a bad file: each outcome says what happened, and a real
 * change comes with the write still to do (`commitWrite`), in the input order.
 */
export function transformFiles(
  transform: Transform,
  files: readonly { job: FileJob; source: string }[],
  options: ProcessOptions,
): { outcome: FileOutcome; write?: PendingWrite }[] {
  // The files a transform reads beside its own (the layouts above a page, most of which do not exist), read once
  // per group: the pages of a folder ask for the same ones.
  const read = new Map<string, string | undefined>();
  const readOnce = (file: string): string | undefined => {
    if (!read.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      read.set(file, text);
    }
    return read.get(file);
  };
  const produced = files.map(({ job, source }) => produce(transform, job, source, options, readOnce));
  return produced.map((step) => ('outcome' in step ? step : checkOutput(step.produced, options)));
}

/** The outcome of a file whose write failed: nothing of it changed. */
export function writeFailed(outcome: FileOutcome, write: PendingWrite, failure: WriteFailure, cwd: string): FileOutcome {
  const target = display(cwd, write.target);
  const reason = failure.targetExists ? alreadyExists(cwd, write.target, failure.twin ?? write.target) : `could not write ${target}: ${failure.message}`;
  return { file: outcome.file, status: 'failed', reason: `${reason}, file left untouched`, markers: [] };
}

/**
 * A worker's file: read again where it is processed (only paths cross threads), through the checks the run
 * made when it first read it.
 */
export function processPath(transform: Transform, job: FileJob, options: ProcessOptions, knownDirs: Set<string>): FileOutcome {
  const read = readSource(job.file);
  if (!read.ok) return { file: display(options.cwd, job.file), status: 'failed', reason: read.problem, markers: [] };
  return processFile(transform, { ...job, mode: read.mode }, read.text, options, knownDirs);
}

/** One file through transformFiles and commitWrite, on this thread. */
export function processFile(transform: Transform, job: FileJob, source: string, options: ProcessOptions, knownDirs = new Set<string>()): FileOutcome {
  const { outcome, write } = transformFiles(transform, [{ job, source }], options)[0]!;
  if (!write) return outcome;
  const failure = commitWrite(write, knownDirs);
  return failure ? writeFailed(outcome, write, failure, options.cwd) : outcome;
}
