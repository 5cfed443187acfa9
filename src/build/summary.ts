import path from 'node:path';
import type { BuildResult } from './build.js';

/** The one-screen summary printed after a build, and the progress bar shown on a terminal. */

const MAX_LISTED = 10;

export function formatSummary(result: BuildResult, cwd = process.cwd()): string {
  const lines: string[] = [];
  const seconds = result.ms / 1000;
  const shown = path.relative(cwd, result.outDir) || '.';
  if (result.stopped) lines.push(`zfb-next build: stopped before writing anything: ${result.stopped}`);
  const perSecond = seconds > 0 ? result.pages / seconds : result.pages;
  const rate = perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond);
  lines.push(`${result.committed ? 'wrote' : 'did not write'} ${shown}: ${result.pages} page${result.pages === 1 ? '' : 's'} (${result.files} files) in ${seconds.toFixed(2)} s, ${rate} pages/s`);
  const list = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`);
    for (const item of items.slice(0, MAX_LISTED)) lines.push(`  ${item}`);
    if (items.length > MAX_LISTED) lines.push(`  … and ${items.length - MAX_LISTED} more`);
  };
  list(
    'failed',
    result.failures.map((f) => {
      const where = [f.url, f.file && `${f.file}${f.function ? ` ${f.function}()` : ''}`].filter(Boolean).join(' ');
      const stack = f.componentStack ? `\n    component stack:\n${f.componentStack.split('\n').map((l) => `      ${l.trim()}`).join('\n')}` : '';
      return `${where}: ${f.message.split('\n').join('\n    ')}${stack}`;
    }),
  );
  const diagnostics = result.diagnostics.filter((d) => d.severity !== 'info');
  list('diagnostics', diagnostics.map((d) => `${d.severity} ${d.code}${d.file ? ` ${d.file}` : ''}${d.function ? ` ${d.function}()` : ''}: ${d.message}`));
  list('not found (getStaticProps notFound or notFound(): no page written)', result.notFound);
  list('redirects (a redirect page written)', result.redirects.map((r) => `${r.url} -> ${r.location}`));
  list('skipped routes', result.skipped.map((s) => `${s.pattern} (${s.file}): ${s.reason}`));
  return `${lines.join('\n')}\n`;
}

/** A one-line bar, redrawn in place on a terminal. */
export function progressLine(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages`;
}
