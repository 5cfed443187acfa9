import { diffCounts, nextBuildLine } from './summary.js';
import type { MigrationReport } from './types.js';

/** MIGRATION-REPORT.md: the report for people, in the output beside its JSON twin. */
export function renderMarkdownReport(report: MigrationReport): string {
  const s = report.summary;
  const lines: string[] = [
    '# Migration report',
    '',
    `\`zfb-next migrate\` turned the Next.js project \`${report.source}\` into this zfb project (zfb ${report.engines.zfb}, React mode).`,
    '',
    '| | |',
    '| --- | --- |',
    `| routes migrated | ${s.migrated} of ${s.routes} |`,
    `| URLs | ${s.urlsBefore} before, ${s.urlsAfter} after (${report.urls.afterFrom === 'zfb-build' ? 'from the zfb build' : 'planned'}), ${s.urlsLost} lost |`,
    `| markers (\`@zfb-next-todo\`) | ${s.markers} |`,
    `| not migrated | ${s.notMigrated} |`,
    `| files | ${s.filesCopied} copied, ${s.filesWritten} written |`,
    `| redirects (\`public/_redirects\`) | ${s.redirects} of ${report.redirects.length} |`,
    '',
  ];
  if (report.urls.lost.length > 0) {
    lines.push('## URLs lost', '', '| URL | why |', '| --- | --- |');
    for (const lost of report.urls.lost) lines.push(`| \`${lost.url}\` | ${cell(lost.reason)} |`);
    lines.push('');
  }
  if (report.notMigrated.length > 0) {
    lines.push('## Not migrated', '', '| file | why | kept as |', '| --- | --- | --- |');
    for (const item of report.notMigrated) lines.push(`| \`${item.file}\` | ${cell(item.reason)} | ${item.keptAs ? `\`${item.keptAs}\`` : ''} |`);
    lines.push('');
  }
  const lossy = report.routes.flatMap((route) => route.lossy.map((change) => ({ route, change })));
  if (lossy.length > 0) {
    lines.push('## What changes for visitors', '', '| route | what | detail |', '| --- | --- | --- |');
    for (const { route, change } of lossy) lines.push(`| \`${route.pattern}\` | ${change.kind} | ${cell(change.detail)} |`);
    lines.push('');
  }
  if (report.redirects.length > 0) {
    lines.push('## Redirects', '', 'From `redirects()` of next.config, in its order; zfb copies `public/_redirects` to `dist/_redirects` (Netlify and Cloudflare Pages syntax).', '', '| source | destination | status | `public/_redirects` |', '| --- | --- | --- | --- |');
    for (const r of report.redirects) {
      const written = r.lines.length > 0 ? r.lines.map((l) => `\`${cell(l)}\``).join('<br>') : `not migrated: ${cell(r.notMigrated ?? '')}`;
      lines.push(`| \`${cell(r.source)}\` | \`${cell(r.destination)}\` | ${r.status} | ${written} |`);
    }
    lines.push('');
  }
  const markers = report.routes.flatMap((route) => route.markers);
  if (markers.length > 0) {
    lines.push('## Markers', '', 'Each is a `/* @zfb-next-todo: … */` comment in the file: `grep -rn @zfb-next-todo .`', '');
    for (const marker of markers) lines.push(`- \`${marker.file}:${marker.line}\`: ${marker.reason}`);
    lines.push('');
  }
  if (report.unparsable.length > 0) {
    lines.push('## Files that do not parse (copied unchanged)', '');
    for (const item of report.unparsable) lines.push(`- \`${item.file}\`: ${item.error}`);
    lines.push('');
  }
  lines.push('## Routes', '', '| route | from | API | to | data | URLs before → after |', '| --- | --- | --- | --- | --- | --- |');
  for (const route of report.routes) {
    lines.push(
      `| \`${route.pattern}\` | ${route.source.map((f) => `\`${f}\``).join('<br>')} | ${route.api} | ${route.target.map((f) => `\`${f}\``).join('<br>') || '—'} | ${route.data ? `\`${route.data}\`` : ''} | ${route.urls.before} → ${route.urls.after} |`,
    );
  }
  lines.push('');
  if (report.verify) {
    const v = report.verify;
    lines.push('## Verification', '', `- dependencies installed: ${v.install.ok ? 'yes' : 'no'} (\`${v.install.command}\`)`, `- zfb build: ${v.zfbBuild.ok ? 'ok' : 'failed'}`, `- ${nextBuildLine(v)}`);
    const diff = diffCounts(v.diff);
    if (diff) lines.push(`- \`zfb-next diff\`: ${diff.removed} URLs removed, ${diff.added} added, ${diff.textChanged} of ${diff.textCompared} pages with other visible text (the full diff is \`verify.diff\` in migration-report.json)`);
    lines.push('');
  }
  lines.push('## Next steps', '', '```sh', 'npm install', 'npm run build     # zfb build: dist/', 'npm run preview', '```', '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
