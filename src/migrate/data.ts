import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';
import type { DataEntry, MigrationContext } from './context.js';
import { addToModule } from './module-edits.js';
import { splitModule } from './split.js';

/**
 * The data half of a migrated page. zfb renders pages in V8 without Node, so the page's data functions move
 * into a data module (next-data/<id>.tsx, at the same depth as the page so its relative imports stay as
 * they are); the next-data plugin (plugins/next-data.mjs) runs it in Node at build time and hands the result
 * to the page as `virtual:next-data/<id>`, which the page's own paths() or getStaticProps() returns.
 */

export const DATA_DIR = 'next-data';
export const DATA_PLUGIN = 'plugins/next-data.mjs';
export const DATA_MANIFEST = `${DATA_DIR}/manifest.json`;
const VIRTUAL_TYPES = `${DATA_DIR}/virtual.d.ts`;

export interface DataSplit {
  /** The module text the split starts from (a transform's output). */
  text: string;
  /** Output-relative page and data module. */
  page: string;
  module: string;
  id: string;
  kind: 'paths' | 'props';
  route: string;
  /** The exports the data module keeps (and the page loses). */
  dataExports: string[];
  context?: Record<string, unknown> | undefined;
  /** Extra exports the data module keeps beside dataExports (a hoisted pageData). */
  extraDataExports?: string[];
}

export interface PageData {
  /** The page half, importing its data. */
  page: string;
  data: string;
}

export function attachData(ctx: MigrationContext, split: DataSplit): PageData {
  const keep = new Set([...split.dataExports, ...(split.extraDataExports ?? [])]);
  const data = splitModule(split.text, split.module, { keepExport: (name) => keep.has(name), dropStyles: true }).source;
  const pageHalf = splitModule(split.text, split.page, { keepExport: (name) => !keep.has(name) }).source;
  const name = 'nextData';
  const specifier = `virtual:${DATA_DIR}/${split.id}`;
  const fn =
    split.kind === 'paths'
      ? [
          `/** The URLs zfb builds, with their props: computed in Node by the next-data plugin from ${split.module}. */`,
          `export function paths() {`,
          `  return ${name};`,
          `}`,
        ]
      : [
          `/** The page's props: computed in Node by the next-data plugin from ${split.module}. */`,
          `export function getStaticProps() {`,
          `  return ${name};`,
          `}`,
        ];
  const page = addToModule(pageHalf, split.page, { imports: [`import ${name} from '${specifier}';`], code: [fn.join('\n')] });
  ctx.tree.write(split.module, data);
  ctx.data.push({
    id: split.id,
    module: split.module,
    page: split.page,
    route: split.route,
    kind: split.kind,
    ...(split.context ? { context: split.context } : {}),
  } satisfies DataEntry);
  return { page, data };
}

/** The plugin, its manifest and the virtual modules' type, once per project that has data or stand-ins. */
export function writeDataPlugin(ctx: MigrationContext): boolean {
  if (ctx.data.length === 0 && ctx.aliases.size === 0) return false;
  ctx.tree.write(DATA_PLUGIN, readFileSync(path.join(PACKAGE_ROOT, 'src/migrate/templates/plugins/next-data.mjs'), 'utf8'));
  const entries = [...ctx.data].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const aliases = Object.fromEntries([...ctx.aliases].sort(([a], [b]) => (a < b ? -1 : 1)));
  ctx.tree.write(DATA_MANIFEST, JSON.stringify({ version: 1, aliases, entries }, null, 2) + '\n');
  ctx.tree.write(
    VIRTUAL_TYPES,
    [
      `// The data the next-data plugin (${DATA_PLUGIN}) computes in Node for each page.`,
      `declare module 'virtual:${DATA_DIR}/*' {`,
      `  const data: any;`,
      `  export default data;`,
      `}`,
      '',
    ].join('\n'),
  );
  return true;
}
