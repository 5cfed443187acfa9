import type { ModuleGraph } from './analysis.js';
import type { MigrationContext } from './context.js';
import { SHIMS_DIR } from './tsconfig.js';

/**
 * `next/font/google` and `next/font/local` in the zfb project: modules of next-shims/font/ that the imports
 * resolve to (tsconfig `next/*`). At build time Next.js downloads the font, serves it from its own assets and
 * gives each loader call a class name that sets its font-family; zfb has no font step, so the loaders here
 * return no class and the family as a style, and each family is listed as not migrated. A Google font
 * module exports one loader per family, so the shim exports the families the project imports.
 */
export function writeFontShims(ctx: MigrationContext, graph: ModuleGraph, modules: readonly string[]): void {
  const families = new Map<string, string>();
  let local: string | undefined;
  for (const file of modules) {
    for (const item of graph.info(file).imports) {
      if (item.specifier === 'next/font/google') for (const name of item.names) if (/^[A-Z][A-Za-z0-9_]*$/.test(name) && !families.has(name)) families.set(name, file);
      if (item.specifier === 'next/font/local') local ??= file;
    }
  }
  const loader = [
    `/** What a next/font loader returns; without Next's font step, no class and the family as a style. */`,
    `function fontLoader(family: string) {`,
    `  return (_options?: unknown) => ({ className: '', variable: '', style: { fontFamily: family } });`,
    `}`,
  ];
  if (families.size > 0) {
    const lines = [`// Written by zfb-next migrate: the next/font/google families this project imports.`, ...loader, ''];
    for (const name of [...families.keys()].sort()) lines.push(`export const ${name} = fontLoader(${JSON.stringify(`'${name.replace(/_/g, ' ')}'`)});`);
    ctx.tree.write(`${SHIMS_DIR}/font/google.ts`, lines.join('\n') + '\n');
    for (const [name, file] of families) {
      ctx.notMigrated.push({ file, reason: `next/font/google: Next.js downloaded ${name.replace(/_/g, ' ')} at build time and served it with its own class; zfb has no font step, so the page gets no font class: load the font in styles/global.css` });
    }
  }
  if (local) {
    ctx.tree.write(`${SHIMS_DIR}/font/local.ts`, [`// Written by zfb-next migrate.`, ...loader, '', `export default function localFont(_options?: unknown) {`, `  return fontLoader('')();`, `}`, ''].join('\n'));
    ctx.notMigrated.push({ file: local, reason: 'next/font/local: Next.js served the font files with its own class; zfb has no font step, so the page gets no font class: load them with @font-face in styles/global.css' });
  }
}
