import type { DiffReport } from './diff-report.js';

/** `--format json`: the report object itself (schema "zfb-next-diff", version 1), pretty-printed. */
export function renderJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
