import type { namedTypes as N } from 'ast-types';
import type { EditedModule } from '../_shared/edited-module.js';
import type { FoundExport } from '../_shared/find-export.js';
import { boundNames } from '../_shared/page-component.js';
import { referencedValueNames } from '../_shared/walk.js';

/**
 * What an app page module may export: the fields of the type guard next build writes for each page under
 * `next build --webpack` (next/dist/build/webpack/plugins/next-types-plugin/index.js, createTypeGuardFile),
 * where any other export fails the type check with `"x" is not a valid Page export field.` The Turbopack build
 * of next 16.4.6 does not check this (a page exporting a helper built), but a page made by this transform
 * should build both ways.
 */
const APP_PAGE_EXPORTS = new Set([
  'default',
  'config',
  'generateStaticParams',
  'unstable_paramMatching',
  'unstable_generateParamMatching',
  'instant',
  'prefetch',
  'ensureStatic',
  'unstable_dynamicStaleTime',
  'revalidate',
  'dynamic',
  'dynamicParams',
  'fetchCache',
  'preferredRegion',
  'runtime',
  'maxDuration',
  'metadata',
  'generateMetadata',
  'viewport',
  'generateViewport',
]);

/** The value names an export statement exports (type exports are erased and do not count). */
function exportedValueNames(statement: N.ExportNamedDeclaration): string[] {
  if ((statement as { exportKind?: string }).exportKind === 'type') return [];
  const declaration = statement.declaration as N.Node | null | undefined;
  if (declaration) {
    if (declaration.type.startsWith('TS')) return [];
    if (declaration.type === 'VariableDeclaration') return (declaration as N.VariableDeclaration).declarations.flatMap((d) => boundNames((d as N.VariableDeclarator).id));
    const id = (declaration as { id?: N.Identifier | null }).id;
    return id ? [id.name] : [];
  }
  return (statement.specifiers ?? []).flatMap((s) => {
    if (s.type !== 'ExportSpecifier' || (s as { exportKind?: string }).exportKind === 'type') return [];
    const exported = s.exported as N.Node;
    return [exported.type === 'Identifier' ? (exported as N.Identifier).name : String((exported as N.StringLiteral).value)];
  });
}

/**
 * Marks every export that stays on the app page and is none of its known fields (`removed`: the exports the
 * transform takes away).
 */
export function markForeignExports(m: EditedModule, removed: ReadonlySet<string>): void {
  for (const statement of m.ast.program.body as N.Node[]) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    for (const name of exportedValueNames(statement as N.ExportNamedDeclaration)) {
      if (APP_PAGE_EXPORTS.has(name) || removed.has(name)) continue;
      m.marker(
        statement,
        `\`${name}\` stays exported from an app page, which allows only its own fields (generateStaticParams, metadata, dynamicParams, …): next build --webpack fails ("${name}" is not a valid Page export field): move it into a module of its own and import it from there`,
      );
    }
  }
}

/**
 * Marks the top-level statements, other than the data function's own, that use it by name: the transform
 * changes what it returns, so code that calls it and reads `.props` or `.paths` no longer works.
 */
export function markOtherUses(m: EditedModule, found: FoundExport | undefined, reason: string): void {
  const local = found?.local;
  if (!local?.fn || local.importedFrom !== undefined) return;
  const own = new Set<N.Node>([local.statement as N.Node, found!.statement as N.Node]);
  for (const statement of m.ast.program.body as N.Node[]) {
    if (own.has(statement) || statement.type === 'ImportDeclaration') continue;
    // Types say nothing about what a call returns (`InferGetStaticPropsType<typeof getStaticProps>` is rewritten
    // with the function).
    if (referencedValueNames(statement).has(local.name)) m.marker(statement, reason);
  }
}
