import type { AddedUrl, DiffReport, RemovedUrl, UnchangedUrl } from './diff-report.js';

const ROW_LISTS = new Set(['added', 'removed', 'unchanged', 'routeChanges', 'textChanges']);

/**
 * `--format json`: the report object itself (schema "zfb-next-diff", version 1). The summary parts are
 * pretty-printed; each row of the URL and change lists is one compact line, which keeps a 100,000-URL
 * report readable with line tools (grep, diff) and about half the size of a fully indented one.
 */
export function renderJson(report: DiffReport): string {
  // Rows share their route objects (one per route), so each route is serialised once.
  const refs = new Map<object, string>();
  const ref = (value: object): string => {
    let text = refs.get(value);
    if (text === undefined) refs.set(value, (text = JSON.stringify(value)));
    return text;
  };
  const rows: Record<string, (row: never) => string> = {
    added: (row: AddedUrl) => `{"url":${JSON.stringify(row.url)},"head":${ref(row.head)}}`,
    removed: (row: RemovedUrl) =>
      `{"url":${JSON.stringify(row.url)},"base":${ref(row.base)},"allowedBy":${JSON.stringify(row.allowedBy)}}`,
    unchanged: (row: UnchangedUrl) => `{"url":${JSON.stringify(row.url)},"base":${ref(row.base)},"head":${ref(row.head)}}`,
  };
  const parts = Object.entries(report).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (!ROW_LISTS.has(key) || !Array.isArray(value)) return `  ${name}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
    if (value.length === 0) return `  ${name}: []`;
    const line = rows[key] ?? ((row: unknown) => JSON.stringify(row));
    return `  ${name}: [\n    ${value.map((row) => line(row as never)).join(',\n    ')}\n  ]`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
