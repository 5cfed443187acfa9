import type { Diagnostic, RouteModel } from '../model/types.js';

const EXAMPLES = 3;

/** The human form of `zfb-next routes`: one row a route, then the diagnostics, then a summary line. */
export function formatRoutesTable(model: RouteModel): string {
  const header = ['pattern', 'origin', 'unmatched', 'urls', 'examples'];
  const rows = model.routes.map((route) => {
    const examples = route.entries.slice(0, EXAMPLES).map((e) => e.url);
    const more = route.entries.length > EXAMPLES ? ` … +${route.entries.length - EXAMPLES}` : '';
    return [route.pattern, route.origin, route.unmatched, String(route.entries.length), examples.join(' ') + more];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];

  if (model.diagnostics.length > 0) {
    out.push('', 'diagnostics:');
    for (const d of model.diagnostics) out.push(formatDiagnostic(d));
  }
  const urls = model.routes.reduce((n, r) => n + r.entries.length, 0);
  const errors = model.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = model.diagnostics.filter((d) => d.severity === 'warning').length;
  out.push('', `${model.routes.length} routes, ${urls} URLs, ${errors} errors, ${warnings} warnings`);
  return out.join('\n') + '\n';
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  const fn = d.function ? ` ${d.function}()` : '';
  const head = `  ${d.severity} ${d.code}${where ? ` ${where}` : ''}${fn}`;
  const body = d.message.split('\n').map((l) => `      ${l}`).join('\n');
  return `${head}\n${body}`;
}
