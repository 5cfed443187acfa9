import type { Diagnostic, Route, RouteModel } from '../model/types.js';
import { quoteIfNeeded, escapeInvisible } from '../report/escape.js';
import { routeUrls } from './route-urls.js';

const EXAMPLES = 3;

/** The routes JSON `unmatched` values in plain words: what the site does with a URL the build did not list. */
const OTHER_URLS: Record<Route['unmatched'], string> = {
  'not-found': '404',
  blocking: 'rendered on request',
  fallback: 'fallback page',
};

/**
 * The human form of `zfb-next routes`: one row a route, then the diagnostics, then a summary line. Every
 * project string is shown with its invisible characters escaped, and a URL that holds a space or a quote is
 * quoted, so that examples separated by spaces stay apart.
 */
export function formatRoutesTable(model: RouteModel): string {
  const header = ['pattern', 'kind', 'origin', 'other URLs', 'urls', 'examples'];
  const rows = model.routes.map((route) => {
    const urls = routeUrls(route);
    const examples = urls.slice(0, EXAMPLES).map(quoteIfNeeded);
    if (urls.length > EXAMPLES) examples.push(`… +${urls.length - EXAMPLES}`);
    return [quoteIfNeeded(route.pattern), route.kind, route.origin, otherUrls(route), String(urls.length), examples.join(' ')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  out.push(
    '',
    'other URLs: what the site does with a URL of the route that the build did not list',
    '(404, rendered on request, or a fallback page first); a static route rendered on request says so.',
  );

  if (model.diagnostics.length > 0) {
    out.push('', 'diagnostics:');
    for (const d of model.diagnostics) out.push(formatDiagnostic(d));
  }
  const urls = model.routes.reduce((n, r) => n + routeUrls(r).length, 0);
  const errors = model.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = model.diagnostics.filter((d) => d.severity === 'warning').length;
  out.push('', `${model.routes.length} routes, ${urls} URLs, ${errors} errors, ${warnings} warnings`);
  return out.join('\n') + '\n';
}

/** A static route has no other URLs; it is worth saying only when its own URL is rendered on request. */
function otherUrls(route: Route): string {
  if (route.pattern.includes('[')) return OTHER_URLS[route.unmatched];
  return route.unmatched === 'blocking' && route.entries.length === 0 ? OTHER_URLS.blocking : '-';
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${escapeInvisible(d.file)}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  const fn = d.function ? ` ${escapeInvisible(d.function)}()` : '';
  const head = `  ${d.severity} ${escapeInvisible(d.code)}${where ? ` ${where}` : ''}${fn}`;
  const body = escapeInvisible(d.message, { keepNewlines: true })
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  return `${head}\n${body}`;
}
