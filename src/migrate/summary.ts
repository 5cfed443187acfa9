import type { DiffReport } from '../report/diff-report.js';
import type { MigrationReport, VerifyReport } from './types.js';

/** The one-screen summary at the end of a run: counts, what was lost and why, what to do next. */
export function formatSummary(report: MigrationReport, written: boolean): string {
  const s = report.summary;
  const lines = [
    `zfb-next migrate: ${report.source} → ${report.output}${written ? '' : ' (dry run: nothing written)'}`,
    `  routes     ${s.migrated} migrated of ${s.routes}`,
    `  URLs       ${s.urlsBefore} before, ${s.urlsAfter} after${report.urls.afterFrom === 'zfb-build' ? ' (zfb build)' : ''}, ${s.urlsLost} lost`,
    `  markers    ${s.markers} (@zfb-next-todo)`,
    `  files      ${s.filesCopied} copied, ${s.filesWritten} written`,
  ];
  if (report.redirects.length > 0) lines.push(`  redirects  ${s.redirects} of ${report.redirects.length} written to public/_redirects`);
  const limit = 12;
  const list = <T>(title: string, items: readonly T[], line: (item: T) => string): void => {
    if (items.length === 0) return;
    lines.push(`  ${title}:`);
    for (const item of items.slice(0, limit)) lines.push(`    ${line(item)}`);
    if (items.length > limit) lines.push(`    … ${items.length - limit} more in MIGRATION-REPORT.md`);
  };
  list('lost', report.urls.lost, (l) => `${l.url}: ${l.reason}`);
  list('not migrated', report.notMigrated, (n) => `${n.file}: ${n.reason}${n.keptAs ? ` (kept as ${n.keptAs})` : ''}`);
  list(
    'changes for visitors',
    report.routes.flatMap((r) => r.lossy.map((l) => `${r.pattern}: ${l.detail}`)),
    (text) => text,
  );
  list('files that do not parse (copied unchanged)', report.unparsable, (u) => `${u.file}: ${u.error}`);
  list(
    'data errors',
    report.routes.filter((r) => r.errors.length > 0 && r.target.length > 0),
    (r) => `${r.source[0]}: ${r.errors.join('; ')}`,
  );
  if (report.verify) {
    const v = report.verify;
    lines.push(`  verify     install ${v.install.ok ? 'ok' : 'FAILED'}, zfb build ${v.zfbBuild.ok ? 'ok' : 'FAILED'}, ${nextBuildLine(v)}`);
    const diff = diffCounts(v.diff);
    if (diff) lines.push(`  diff       ${diff.removed} removed, ${diff.added} added, ${diff.textChanged} of ${diff.textCompared} pages with other text`);
    if (!v.install.ok && v.install.output) lines.push(`  install output (end):`, indent(v.install.output));
    if (!v.zfbBuild.ok && v.zfbBuild.output) lines.push(`  zfb build output (end):`, indent(v.zfbBuild.output));
  }
  lines.push('  next steps:');
  if (written) lines.push(`    cd ${report.output} && npm install && npm run build`, '    read MIGRATION-REPORT.md; grep -rn @zfb-next-todo .');
  else lines.push('    run again without --dry to write the zfb project');
  return lines.join('\n') + '\n';
}

/** `--dry`: every route with its files, transform, markers and URL counts. */
export function formatPlan(report: MigrationReport): string {
  const lines = ['route  api  from → to  (transform, data, markers, URLs before → after)'];
  for (const route of report.routes) {
    lines.push(
      `${route.pattern}  ${route.api}  ${route.source.join(' + ')} → ${route.target.join(', ') || '(not migrated)'}  (${route.transform}${route.data ? `, data ${route.data}` : ''}, ${route.markers.length} markers, ${route.urls.before} → ${route.urls.after})`,
    );
    for (const marker of route.markers) lines.push(`    marker ${marker.file}:${marker.line}: ${marker.reason}`);
    for (const error of route.errors) lines.push(`    error ${error}`);
  }
  return lines.join('\n') + '\n';
}

export function nextBuildLine(v: VerifyReport): string {
  if (v.nextBuild.ran) return `next build ${v.nextBuild.ok ? 'ok' : 'FAILED'}`;
  return v.nextBuild.ok ? "compared with the source's .next build" : 'no .next build in the source: URLs compared with its route model';
}

export function diffCounts(diff: unknown): DiffReport['counts'] | undefined {
  return typeof diff === 'object' && diff !== null && 'counts' in diff ? (diff as DiffReport).counts : undefined;
}

function indent(text: string): string {
  return text.trimEnd().split('\n').slice(-15).map((line) => `    ${line}`).join('\n');
}
