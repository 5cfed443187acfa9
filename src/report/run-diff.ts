import path from 'node:path';
import { DIFF_FORMATS, FAIL_ON_VALUES, type DiffFormat, type DiffReport, type FailOn } from './diff-report.js';

export { DIFF_FORMATS, type DiffFormat };
import { diffSides } from './diff.js';
import { AllowFileError, loadAllowFile } from './policy.js';
import { readSide } from './read-side.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-md.js';
import { appendSummary, refuseOutput, writeReport } from './report-output.js';
import { escapeInvisible } from './escape.js';
import { SideError, type BuildModel } from './side.js';


const RENDERERS: Record<DiffFormat, (report: DiffReport) => string> = {
  md: renderMarkdown,
  json: renderJson,
  junit: renderJunit,
  html: renderHtml,
};

export interface RunDiffOptions {
  base: string;
  head: string;
  format?: DiffFormat;
  /** Write the report here instead of returning it for stdout. */
  output?: string;
  /** Let --output replace an existing file that is not a zfb-next diff report. */
  force?: boolean;
  failOn?: FailOn;
  /** A file of URL globs for intended removals. */
  allow?: string;
  cwd?: string;
  /** Read for GITHUB_STEP_SUMMARY; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  buildModel?: BuildModel;
}

export interface RunDiffResult {
  /** 0 nothing matches --fail-on, 1 something does, 2 a side (or the --allow file) cannot be read. */
  exitCode: 0 | 1 | 2;
  report?: DiffReport;
  /** The rendered report when no --output was given (the CLI prints it). */
  stdout: string;
  /** One-line summary or the reason for exit code 2. */
  stderr: string;
}

/** `zfb-next diff` without the process: what the CLI action does, callable from tests and libraries. */
export async function runDiff(options: RunDiffOptions): Promise<RunDiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const format = options.format ?? 'md';
  const failOn = options.failOn ?? 'removed';
  if (!DIFF_FORMATS.includes(format)) return usage(`unknown --format "${format}" (expected ${DIFF_FORMATS.join(', ')})`);
  if (!FAIL_ON_VALUES.includes(failOn)) return usage(`unknown --fail-on "${failOn}" (expected ${FAIL_ON_VALUES.join(', ')})`);

  const output = options.output === undefined ? undefined : path.resolve(cwd, options.output);
  const refused = output === undefined ? undefined : await refuseOutput(output, options.force ?? false);
  if (refused) return usage(`refusing to write the report to "${options.output}": ${refused}`);

  let report: DiffReport;
  try {
    const allow = options.allow ? await loadAllowFile(path.resolve(cwd, options.allow), options.allow) : [];
    // Both sides at once: each project's code runs in a host process of its own (load/host.ts). Two git
    // sides take turns, as `git worktree add` locks the repository's worktree list.
    const read = (spec: string, label: 'base' | 'head') => readSide(spec, label, { cwd, buildModel: options.buildModel });
    const [base, head] =
      options.base.startsWith('git:') && options.head.startsWith('git:')
        ? [await read(options.base, 'base'), await read(options.head, 'head')]
        : await settledInOrder([read(options.base, 'base'), read(options.head, 'head')]);
    report = await diffSides(base, head, { failOn, allow });
  } catch (error) {
    if (error instanceof SideError || error instanceof AllowFileError) return usage(error.message);
    throw error;
  }

  // A destination that cannot be written is said on stderr; the report then goes to stdout, so it is never
  // lost, and the exit code stays what the policy says.
  const text = RENDERERS[format](report);
  const problems: string[] = [];
  if (output !== undefined) {
    const failed = await writeReport(output, text);
    if (failed) problems.push(`cannot write the report to "${options.output}": ${failed}`);
  }
  const summaryFile = (options.env ?? process.env).GITHUB_STEP_SUMMARY;
  if (format === 'md' && summaryFile) {
    const failed = await appendSummary(summaryFile, text);
    if (failed) problems.push(`cannot append the report to GITHUB_STEP_SUMMARY "${summaryFile}": ${failed}`);
  }
  const stdout = output === undefined || problems.length > 0 ? text : '';
  const notes = problems.map((p) => `zfb-next diff: ${escapeInvisible(p)}; the report is printed to stdout instead\n`).join('');
  return { exitCode: report.policy.failed ? 1 : 0, report, stdout, stderr: notes + allowLines(report) + summaryLine(report) };
}

/** How many removed URLs each --allow line matched: a line that matches none is worth a look. */
function allowLines(report: DiffReport): string {
  return report.policy.allowMatches
    .map((a) => `zfb-next diff: --allow line ${a.line} ${JSON.stringify(a.glob)} matched ${a.removed} removed URL${a.removed === 1 ? '' : 's'}\n`)
    .join('');
}

function usage(message: string): RunDiffResult {
  return { exitCode: 2, stdout: '', stderr: `zfb-next diff: ${escapeInvisible(message, { keepNewlines: true })}\n` };
}

function summaryLine(report: DiffReport): string {
  const c = report.counts;
  const allowed = c.removedAllowed > 0 ? ` (${c.removedAllowed} allowed)` : '';
  const text = c.textCompared > 0 ? `, ${c.textChanged} of ${c.textCompared} pages with changed text` : '';
  const result = report.policy.failed ? `${report.policy.failures} failing --fail-on ${report.policy.failOn}` : 'ok';
  return `zfb-next diff: ${c.added} added, ${c.removed} removed${allowed}, ${c.unchanged} unchanged, ${c.routeChanges} changed routes${text}: ${result}\n`;
}

/** Both values, or the error of the first side that failed (base before head, whichever failed first in time). */
async function settledInOrder<T>(promises: [Promise<T>, Promise<T>]): Promise<[T, T]> {
  const [first, second] = await Promise.allSettled(promises);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}
