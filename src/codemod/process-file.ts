import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { newMarkers } from '../../codemods/_shared/marker.js';
import type { Marker, Transform } from '../../codemods/_shared/types.js';
import { assertParses } from './parses.js';
import { toProjectPath } from './project-root.js';
import { TargetExistsError, writeFileAtomic } from './write-atomic.js';

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
}

export interface FileJob {
  file: string;
  root: string;
  i18n?: { locales: string[]; defaultLocale: string };
}

export interface ProcessOptions {
  cwd: string;
  dry: boolean;
  print: boolean;
}

function display(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function parseError(error: unknown): string {
  const e = error as { message?: string };
  return (e.message ?? String(error)).split('\n')[0]!;
}

/**
 * One file through one transform: run it, re-parse what it produced, and write only a real change,
 * atomically (a moved file: the new file first, then the old one removed). Never throws for a bad file:
 * the outcome says what happened. `knownDirs` is the run's record of folders that exist (see writeFileAtomic).
 */
export function processFile(transform: Transform, job: FileJob, source: string, options: ProcessOptions, knownDirs = new Set<string>()): FileOutcome {
  const file = display(options.cwd, job.file);
  const relative = toProjectPath(job.root, job.file);
  let result;
  try {
    result = transform({
      path: relative,
      source,
      i18n: job.i18n,
      readFile(projectPath) {
        const full = path.join(job.root, projectPath);
        try {
          return readFileSync(full, 'utf8');
        } catch {
          return undefined;
        }
      },
    });
  } catch (error) {
    return { file, status: 'failed', reason: `transform failed: ${parseError(error)}`, markers: [] };
  }
  if (result.skipped !== undefined) return { file, status: 'skipped', reason: result.skipped, markers: [] };
  const moved = result.outputPath !== undefined && result.outputPath !== relative;
  if (result.source === null || (result.source === source && !moved)) return { file, status: 'unchanged', markers: [] };

  const target = moved ? path.join(job.root, result.outputPath!) : job.file;
  try {
    assertParses(result.source, target);
  } catch (error) {
    return { file, status: 'failed', reason: `output would not parse, file left untouched: ${parseError(error)}`, markers: [] };
  }
  if (moved && existsSync(target)) {
    return { file, status: 'failed', reason: `${display(options.cwd, target)} already exists, file left untouched`, markers: [] };
  }
  // The printed text is what users see, so marker lines are read from it.
  const found = newMarkers(source, result.source);
  const markers = found.length > 0 ? found : result.markers;
  const outcome: FileOutcome = { file, status: 'changed', markers };
  if (moved) outcome.movedTo = display(options.cwd, target);
  if (options.print) {
    outcome.patch = createTwoFilesPatch(file, outcome.movedTo ?? file, source, result.source);
  }
  if (!options.dry) {
    try {
      // The project root holds the file just read: it exists.
      knownDirs.add(job.root);
      writeFileAtomic(target, result.source, { exclusive: moved, knownDirs });
    } catch (error) {
      // Another file of this run may have moved to the same name first (workers write in parallel).
      const reason = error instanceof TargetExistsError ? `${display(options.cwd, target)} already exists` : `could not write ${display(options.cwd, target)}: ${parseError(error)}`;
      return { file, status: 'failed', reason: `${reason}, file left untouched`, markers: [] };
    }
    if (moved) unlinkSync(job.file);
  }
  return outcome;
}
