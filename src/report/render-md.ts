import type { DiffReport, RouteChange, RouteState, SideSummary } from './diff-report.js';
import { markdownCode } from './escape.js';

/** The line a CI step searches for to find (and update) the one comment this report lives in. */
export const MARKDOWN_MARKER = '<!-- zfb-next-diff -->';

/** Lists longer than this are folded into <details>. */
const FOLD_AFTER = 10;
/** Rows a list shows at most; the JSON report has them all. */
const MAX_ROWS = 200;
/** GitHub refuses a comment (and truncates a job summary) longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** A project string longer than this is cut in a cell: one 10,000-character URL must not fill the comment. */
const MAX_CELL = 300;

/**
 * A pull-request comment / job summary: the marker, a verdict, the counts table, then the details. Every
 * project string (URL, file, message, excerpt) is a code span, so GitHub neither links a URL in it nor
 * notifies an `@name`, and its control characters are written as escapes. The whole text stays within
 * GitHub's limit: when the lists are too long, each shows fewer rows and points to the JSON report.
 */
export function renderMarkdown(report: DiffReport): string {
  let text = '';
  for (const rows of [MAX_ROWS, 100, 50, 20, 10, 5, 0]) {
    text = render(report, rows, rows < MAX_ROWS);
    if (text.length <= GITHUB_COMMENT_LIMIT) return text;
  }
  return text;
}

function render(report: DiffReport, maxRows: number, shortened: boolean): string {
  const { counts, policy } = report;
  const out: string[] = [MARKDOWN_MARKER];
  out.push(`### zfb-next diff: ${verdict(report)}`, '');
  out.push(`**base** ${sideLine(report.base)} → **head** ${sideLine(report.head)} · fails on: ${policy.failOn}`, '');
  for (const side of [report.base, report.head]) {
    const errors = side.diagnostics.filter((d) => d.severity === 'error').length;
    // A route that failed to load lists no URL: its URLs would look removed (or silently absent).
    if (errors > 0) out.push(`> ⚠️ ${code(side.spec)} has ${errors} error diagnostic${plural(errors)}: some of its URLs may be missing (see Diagnostics).`, '');
  }
  out.push('| | count |', '| --- | ---: |');
  out.push(`| URLs added | ${counts.added} |`);
  out.push(`| URLs removed | ${counts.removed} |`);
  if (counts.removedAllowed > 0) out.push(`| … of them allowed by --allow | ${counts.removedAllowed} |`);
  out.push(`| URLs unchanged | ${counts.unchanged} |`);
  out.push(`| routes with a moved source file | ${counts.fileChanged} |`);
  out.push(`| routes with a changed fallback (unmatched URLs) | ${counts.unmatchedChanged} |`);
  out.push(`| routes with a changed params provider | ${counts.providerChanged} |`);
  if (counts.textCompared > 0) out.push(`| pages with changed text | ${counts.textChanged} of ${counts.textCompared} |`);
  out.push('');

  const section = sections(out, maxRows, shortened);
  section('Removed URLs', ['URL', 'route', 'file', 'allowed by'], report.removed, (r) => [
    cell(r.url),
    cell(r.base.pattern),
    cell(r.base.file),
    r.allowedBy === null ? '' : cell(r.allowedBy),
  ]);
  section('Added URLs', ['URL', 'route', 'file'], report.added, (a) => [cell(a.url), cell(a.head.pattern), cell(a.head.file)]);
  section('Changed routes', ['route', 'what changed', 'URLs'], report.routeChanges, (c) => [
    c.base.pattern === c.head.pattern ? cell(c.base.pattern) : `${cell(c.base.pattern)} → ${cell(c.head.pattern)}`,
    describeChange(c),
    String(c.urls),
  ]);
  section('Pages with changed text', ['URL', 'base', 'head'], report.textChanges, (t) => [cell(t.url), cell(t.base.excerpt), cell(t.head.excerpt)]);
  section('Allow list', ['line', 'glob', 'removed URLs it matches'], policy.allowMatches, (a) => [String(a.line), cell(a.glob), String(a.removed)]);
  const diagnostics = [
    ...report.base.diagnostics.map((d) => ({ side: 'base', ...d })),
    ...report.head.diagnostics.map((d) => ({ side: 'head', ...d })),
  ];
  section('Diagnostics', ['side', 'severity', 'code', 'file', 'message'], diagnostics, (d) => [
    d.side,
    d.severity,
    cell(d.code),
    d.file ? cell(d.file) : '',
    cell(d.message),
  ]);
  return out.join('\n');
}

function verdict(report: DiffReport): string {
  const { counts, policy } = report;
  const lost = counts.removed - counts.removedAllowed;
  if (policy.failed) return `❌ ${policy.failures} finding${plural(policy.failures)} fail${policy.failures === 1 ? 's' : ''} --fail-on ${policy.failOn}`;
  if (lost > 0) return `⚠️ ${lost} URL${plural(lost)} removed (not failing: --fail-on ${policy.failOn})`;
  return '✅ no URL lost';
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

/** A project string outside a table, cut to MAX_CELL characters. */
function code(text: string): string {
  return markdownCode(cut(text), { inTable: false });
}

/** A project string in a table cell, cut to MAX_CELL characters. */
function cell(text: string): string {
  return markdownCode(cut(text), { inTable: true });
}

function cut(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

function sideLine(side: SideSummary): string {
  return `${code(side.spec)} (${side.kind}, ${side.urls} URL${plural(side.urls)})`;
}

function describeChange(change: RouteChange): string {
  const parts: string[] = [];
  if (change.changes.includes('file')) parts.push(`file ${cell(change.base.file)} → ${cell(change.head.file)}`);
  if (change.changes.includes('unmatched')) parts.push(`unmatched URLs ${change.base.unmatched} → ${change.head.unmatched}`);
  if (change.changes.includes('provider')) parts.push(`provider ${providers(change.base)} → ${providers(change.head)}`);
  if (!change.changes.includes('file') && change.base.file) parts.push(`in ${cell(change.base.file)}`);
  return parts.join('; ');
}

function providers(state: RouteState): string {
  if (state.providers === null) return '(unknown)';
  return state.providers.length === 0 ? '(none)' : state.providers.map((p) => cell(`${p}()`)).join(' + ');
}

/** Writes one titled table a list, folded when long, cut at `maxRows` rows with a pointer to the JSON report. */
function sections(out: string[], maxRows: number, shortened: boolean) {
  return <T>(title: string, header: string[], rows: readonly T[], cells: (row: T) => string[]): void => {
    const total = rows.length;
    if (total === 0) return;
    const table = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
    for (const row of rows.slice(0, maxRows)) table.push(`| ${cells(row).join(' | ')} |`);
    if (total > maxRows) {
      const why = shortened ? ` (this comment is shortened to GitHub's limit of ${GITHUB_COMMENT_LIMIT.toLocaleString('en')} characters)` : '';
      table.push('', `… and ${total - maxRows} more${why}: see the JSON report (--format json).`);
    }
    if (total > FOLD_AFTER) {
      out.push(`<details><summary><strong>${title}</strong> (${total})</summary>`, '', ...table, '', '</details>', '');
    } else {
      out.push(`#### ${title} (${total})`, '', ...table, '');
    }
  };
}
