import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import type { EditedModule } from './edited-module.js';
import { findExport } from './find-export.js';
import { newMarkers } from './marker.js';
import { boundNames } from './page-component.js';
import type { TransformInput, TransformResult } from './types.js';

const n = types.namedTypes;

/** What decides an app page's URLs: its params function and the segment config read with it. */
export const APP_DATA_EXPORTS = ['generateStaticParams', 'dynamicParams', 'dynamic', 'revalidate'];
/** What decides a zfb page's URLs and props. */
export const ZFB_DATA_EXPORTS = ['paths', 'getStaticProps'];

/** An export of a data function in a form no transform can carry, and the statement that makes it. */
export interface OpaqueExport {
  name: string;
  statement: N.Node;
  reason: string;
}

function isModuleExports(node: N.Node | null | undefined): boolean {
  return (
    n.MemberExpression.check(node) &&
    n.Identifier.check(node.object) &&
    node.object.name === 'module' &&
    !node.computed &&
    n.Identifier.check(node.property) &&
    node.property.name === 'exports'
  );
}

/** `module.exports.x` / `exports.x` / `module.exports['x']` → 'x'. */
function commonJsExportName(target: N.Node): string | undefined {
  if (!n.MemberExpression.check(target)) return undefined;
  const onExports = isModuleExports(target.object as N.Node) || (n.Identifier.check(target.object) && target.object.name === 'exports');
  if (!onExports) return undefined;
  if (!target.computed && n.Identifier.check(target.property)) return target.property.name;
  if (n.StringLiteral.check(target.property)) return target.property.value;
  return undefined;
}

/** The names a top-level CommonJS assignment exports: `module.exports.x = …`, `module.exports = { x, … }`. */
function commonJsNames(statement: N.Node): string[] {
  if (!n.ExpressionStatement.check(statement) || !n.AssignmentExpression.check(statement.expression)) return [];
  const { left, right } = statement.expression;
  const one = commonJsExportName(left as N.Node);
  if (one !== undefined) return [one];
  if (isModuleExports(left as N.Node) && n.ObjectExpression.check(right)) {
    return right.properties.flatMap((p) => {
      if ((n.ObjectProperty.check(p) || n.ObjectMethod.check(p)) && !p.computed) {
        if (n.Identifier.check(p.key)) return [p.key.name];
        if (n.StringLiteral.check(p.key)) return [p.key.value];
      }
      return [];
    });
  }
  return [];
}

/**
 * The exports of `names` a transform cannot carry over, because the function behind the name is not a
 * declaration of this module it can read and call under a new name:
 *
 * - bound by a destructuring pattern: `export const { getStaticPaths, getStaticProps } = makePage('blog')`;
 * - exported by a specifier whose local binding is no top-level declaration here (destructured, or missing);
 * - assigned through CommonJS: `module.exports.getStaticPaths = …`, `exports.getStaticPaths = …`,
 *   `module.exports = { getStaticPaths }`.
 *
 * Carrying the file over anyway would lose the export (the output would call a function that no longer
 * exists, or list no URL), so the file is left as it was, with a marker on each such statement.
 */
export function opaqueExports(ast: N.File, names: readonly string[]): OpaqueExport[] {
  const found: OpaqueExport[] = [];
  for (const statement of ast.program.body as N.Node[]) {
    if (n.ExportNamedDeclaration.check(statement) && n.VariableDeclaration.check(statement.declaration)) {
      for (const declarator of statement.declaration.declarations) {
        const id = (declarator as N.VariableDeclarator).id;
        if (n.Identifier.check(id)) continue;
        for (const name of boundNames(id).filter((bound) => names.includes(bound))) {
          found.push({
            name,
            statement,
            reason: `${name} is exported through a destructuring pattern, which this transform cannot carry over; the file is left as it was: export it as \`export const ${name} = …\` and run the codemod again`,
          });
        }
      }
    }
    for (const name of commonJsNames(statement).filter((exported) => names.includes(exported))) {
      found.push({
        name,
        statement,
        reason: `${name} is exported through CommonJS (module.exports), which this transform cannot carry over; the file is left as it was: export it with \`export\` and run the codemod again`,
      });
    }
  }
  for (const name of names) {
    const exported = findExport(ast, name);
    if (exported?.form !== 'specifier' || exported.local || exported.typeOnly) continue;
    const local = exported.specifier?.local;
    const localName = n.Identifier.check(local) ? local.name : name;
    found.push({
      name,
      statement: exported.statement,
      reason: `${name} is exported from \`${localName}\`, which is not a top-level function or variable of this module that this transform can read; the file is left as it was: declare it as \`export const ${name} = …\` and run the codemod again`,
    });
  }
  return found;
}

/** The file as it was, with a marker on each opaque export (none added twice: a second run changes nothing). */
export function markOpaque(m: EditedModule, input: TransformInput, opaque: readonly OpaqueExport[]): TransformResult {
  for (const { statement, reason } of opaque) m.marker(statement, reason);
  const source = m.print();
  if (source === input.source) return { source: null, markers: [] };
  return { source, markers: newMarkers(input.source, source) };
}
