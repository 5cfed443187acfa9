import { parseModule } from '../../codemods/_shared/ast.js';
import { findExport } from '../../codemods/_shared/find-export.js';
import type { MigrationContext } from './context.js';
import { zfbPagesPath } from './context.js';
import { moveModule, relativeSpecifier } from './module-edits.js';
import { PAGES_LAYOUT } from './pages.js';

/**
 * The one layout every migrated pages-router page renders: pages/_app inside pages/_document, as Next.js
 * composed them (next-shims/pages-shell.tsx). _app and _document stay where they were (zfb ignores files
 * starting with `_`), so their imports keep working; a project without them gets Next's defaults.
 */
export function writePagesLayout(ctx: MigrationContext, pagesDir: string, routeFiles: readonly string[]): void {
  const special = (name: string) => routeFiles.find((file) => new RegExp(`^${pagesDir}/${name}\\.[^./]+$`).test(file));
  const app = special('_app');
  const document = special('_document');
  const imports = [`import type { ComponentType } from 'react';`, `import { PagesShell } from '${relativeSpecifier(PAGES_LAYOUT, 'next-shims/pages-shell')}';`];
  for (const [file, name] of [
    [app, 'App'],
    [document, 'Document'],
  ] as const) {
    if (!file) continue;
    const target = zfbPagesPath(file);
    ctx.tree.write(target, moveModule(ctx.read(file)!, file, target));
    ctx.handled.add(file);
    imports.push(`import ${name} from '${relativeSpecifier(PAGES_LAYOUT, target.replace(/\.[^./]+$/, ''))}';`);
    noteInitialProps(ctx, file, name);
  }
  const i18n = ctx.i18n ? ` i18n={${JSON.stringify({ locales: ctx.i18n.locales, defaultLocale: ctx.i18n.defaultLocale })}}` : '';
  ctx.tree.write(
    PAGES_LAYOUT,
    [
      ...imports,
      '',
      '/**',
      ` * Every migrated pages-router page renders through this layout: the page inside ${app ? zfbPagesPath(app) : "Next's default App"},`,
      ` * inside ${document ? zfbPagesPath(document) : "Next's default Document"}. Written by zfb-next migrate.`,
      ' */',
      'export default function NextPagesLayout(props: { Component: ComponentType<any>; input: Record<string, unknown>; route: string }) {',
      `  return <PagesShell${app ? ' App={App}' : ''}${document ? ' Document={Document}' : ''}${i18n} {...props} />;`,
      '}',
      '',
    ].join('\n'),
  );
}

/** getInitialProps of _app or _document is never called by zfb: say so when the project has one. */
function noteInitialProps(ctx: MigrationContext, file: string, name: string): void {
  let ast;
  try {
    ast = parseModule(ctx.read(file)!, file);
  } catch (error) {
    ctx.unparsable.push({ file, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const text = ctx.read(file)!;
  if (findExport(ast, 'getInitialProps') || /\bgetInitialProps\b/.test(text)) {
    ctx.notMigrated.push({
      file,
      reason: `${name}.getInitialProps is never called by zfb: what it adds to every page (props, collected styles) is missing; move it into the pages' data or the component`,
    });
  }
}
