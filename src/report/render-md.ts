import type { DiffReport, RouteChange, RouteState, SideSummary } from './diff-report.js';
import { escapeMarkdown as md } from './escape.js';

/** The line a CI step searches for to find (and update) the one comment this report lives in. */
export const MARKDOWN_MARKER = '<!-- zfb-next-diff -->';

/** Lists longer than this are folded into <details>. */
const FOLD_AFTER = 10;
/** GitHub refuses comments over 65,536 characters; longer lists point to the JSON report instead. */
const MAX_ROWS = 200;

/** A pull-request comment / job summary: the marker, a verdict, the counts table, then the details. */
export function renderMarkdown(report: DiffReport): string {
  const { counts, policy } = report;
  const out: string[] = [MARKDOWN_MARKER];
  out.push(`### zfb-next diff: ${verdict(report)}`, '');
  out.push(`**base** ${sideLine(report.base)} → **head** ${sideLine(report.head)} · fails on: ${policy.failOn}`, '');
  for (const side of [report.base, report.head]) {
    const errors = side.diagnostics.filter((d) => d.severity === 'error').length;
    // A route that failed to load lists no URL: its URLs would look removed (or silently absent).
    if (errors > 0) out.push(`> ⚠️ ${md(side.spec)} has ${errors} error diagnostic${plural(errors)}: some of its URLs may be missing (see Diagnostics).`, '');
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

  section(out, 'Removed URLs', report.removed.length, ['URL', 'route', 'file', 'allowed by'], report.removed, (r) => [
    r.url,
    r.base.pattern,
    r.base.file,
    r.allowedBy ?? '',
  ]);
  section(out, 'Added URLs', report.added.length, ['URL', 'route', 'file'], report.added, (a) => [
    a.url,
    a.head.pattern,
    a.head.file,
  ]);
  section(out, 'Changed routes', report.routeChanges.length, ['route', 'what changed', 'URLs'], report.routeChanges, (c) => [
    c.base.pattern === c.head.pattern ? c.base.pattern : `${c.base.pattern} → ${c.head.pattern}`,
    describeChange(c),
    String(c.urls),
  ]);
  section(out, 'Pages with changed text', report.textChanges.length, ['URL', 'base', 'head'], report.textChanges, (t) => [
    t.url,
    t.base.excerpt,
    t.head.excerpt,
  ]);
  const diagnostics = [
    ...report.base.diagnostics.map((d) => ({ side: 'base', ...d })),
    ...report.head.diagnostics.map((d) => ({ side: 'head', ...d })),
  ];
  section(out, 'Diagnostics', diagnostics.length, ['side', 'severity', 'code', 'file', 'message'], diagnostics, (d) => [
    d.side,
    d.severity,
    d.code,
    d.file ?? '',
    d.message,
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

function sideLine(side: SideSummary): string {
  return `${md(side.spec)} (${side.kind}, ${side.urls} URL${plural(side.urls)})`;
}

function describeChange(change: RouteChange): string {
  const parts: string[] = [];
  if (change.changes.includes('file')) parts.push(`file ${change.base.file} → ${change.head.file}`);
  if (change.changes.includes('unmatched')) parts.push(`unmatched URLs ${change.base.unmatched} → ${change.head.unmatched}`);
  if (change.changes.includes('provider')) parts.push(`provider ${providers(change.base)} → ${providers(change.head)}`);
  if (!change.changes.includes('file') && change.base.file) parts.push(`in ${change.base.file}`);
  return parts.join('; ');
}

function providers(state: RouteState): string {
  if (state.providers === null) return '(unknown)';
  return state.providers.length === 0 ? '(none)' : state.providers.map((p) => `${p}()`).join(' + ');
}

function section<T>(
  out: string[],
  title: string,
  total: number,
  header: string[],
  rows: readonly T[],
  cells: (row: T) => string[],
): void {
  if (total === 0) return;
  const table = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows.slice(0, MAX_ROWS)) table.push(`| ${cells(row).map(md).join(' | ')} |`);
  if (total > MAX_ROWS) table.push('', `… and ${total - MAX_ROWS} more: see the JSON report (--format json).`);
  if (total > FOLD_AFTER) {
    out.push(`<details><summary><strong>${title}</strong> (${total})</summary>`, '', ...table, '', '</details>', '');
  } else {
    out.push(`#### ${title} (${total})`, '', ...table, '');
  }
}
