import type { DiffReport } from './diff-report.js';

const ROW_LISTS = new Set(['added', 'removed', 'unchanged', 'routeChanges', 'textChanges']);

/**
 * `--format json`: the report object itself (schema "zfb-next-diff", version 1). The summary parts are
 * pretty-printed; each row of the URL and change lists is one compact line, which keeps a 100,000-URL
 * report readable with line tools (grep, diff) and about half the size of a fully indented one.
 */
export function renderJson(report: DiffReport): string {
  const parts = Object.entries(report).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (!ROW_LISTS.has(key) || !Array.isArray(value)) return `  ${name}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
    if (value.length === 0) return `  ${name}: []`;
    return `  ${name}: [\n    ${value.map((row) => JSON.stringify(row)).join(',\n    ')}\n  ]`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
