import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';

const n = types.namedTypes;

export type FunctionNode = N.FunctionDeclaration | N.FunctionExpression | N.ArrowFunctionExpression;

/**
 * One export of a module, found by its exported name, whatever form it was written in:
 *
 * - 'declaration': `export async function x() {}`, `export const x = async () => {}`, `export class x {}`,
 *   `export type x = …` / `export interface x {}` (typeOnly);
 * - 'specifier': `export { a as x }` or `function x() {}; export { x }` (the local binding is in `local`);
 * - 're-export': `export { x } from './m'`, `export { a as x } from './m'`: the code lives in another module,
 *   so it cannot be edited in place (callers mark it);
 * - 'default': `export default function X() {}`, `export default X`, `export default () => …` (name 'default').
 */
export interface FoundExport {
  name: string;
  form: 'declaration' | 'specifier' | 're-export' | 'default';
  /** The top-level `export …` statement. */
  statement: N.ExportNamedDeclaration | N.ExportDefaultDeclaration;
  specifier?: N.ExportSpecifier;
  /** The local binding behind the export, when it lives in this module. */
  local?: LocalBinding;
  /** The module a re-export (or an exported import) comes from. */
  source?: string;
  typeOnly: boolean;
  /** 1-based line of the export statement. */
  line: number;
}

export interface LocalBinding {
  name: string;
  /** The top-level statement declaring it (an `export …` statement when declared inline). */
  statement: StatementKind;
  declaration: N.FunctionDeclaration | N.VariableDeclaration | N.ClassDeclaration | N.Node;
  declarator?: N.VariableDeclarator;
  /** The value of a variable (`export const dynamicParams = false` → the `false` literal). */
  init?: ExpressionKind;
  /** The function itself, through `as`/`satisfies` casts and parentheses. */
  fn?: FunctionNode;
  /** A type annotation written on the variable (`const x: GetStaticPaths = …`). */
  typeAnnotation?: N.Node;
  /** Set when the binding is an import (`import { a } from './m'; export { a as x }`). */
  importedFrom?: string;
}

function exportedName(node: N.Identifier | N.StringLiteral | N.Node): string | undefined {
  if (n.Identifier.check(node)) return node.name;
  if (n.StringLiteral.check(node)) return node.value;
  return undefined;
}

function lineOf(node: N.Node): number {
  return node.loc?.start.line ?? 0;
}

/** Looks through TS casts and parentheses to the function or value underneath. */
export function unwrapExpression(node: ExpressionKind | N.Node | null | undefined): N.Node | undefined {
  let current: N.Node | null | undefined = node;
  while (
    current &&
    (n.TSAsExpression.check(current) ||
      n.TSSatisfiesExpression.check(current) ||
      n.TSNonNullExpression.check(current) ||
      n.TypeCastExpression.check(current) ||
      n.ParenthesizedExpression.check(current) ||
      n.TSTypeAssertion.check(current))
  ) {
    current = (current as { expression: N.Node }).expression;
  }
  return current ?? undefined;
}

function asFunction(node: N.Node | null | undefined): FunctionNode | undefined {
  const inner = unwrapExpression(node);
  if (n.FunctionExpression.check(inner) || n.ArrowFunctionExpression.check(inner) || n.FunctionDeclaration.check(inner)) {
    return inner;
  }
  return undefined;
}

function bindingFromDeclaration(statement: StatementKind, declaration: N.Node, name: string): LocalBinding | undefined {
  if ((n.FunctionDeclaration.check(declaration) || n.ClassDeclaration.check(declaration)) && declaration.id?.name === name) {
    return {
      name,
      statement,
      declaration,
      fn: n.FunctionDeclaration.check(declaration) ? declaration : undefined,
    };
  }
  if (n.VariableDeclaration.check(declaration)) {
    for (const declarator of declaration.declarations) {
      if (n.VariableDeclarator.check(declarator) && n.Identifier.check(declarator.id) && declarator.id.name === name) {
        const init = (declarator.init ?? undefined) as ExpressionKind | undefined;
        return {
          name,
          statement,
          declaration,
          declarator,
          init,
          fn: asFunction(init),
          typeAnnotation: (declarator.id.typeAnnotation as { typeAnnotation?: N.Node } | null | undefined)?.typeAnnotation,
        };
      }
    }
  }
  if (
    (n.TSTypeAliasDeclaration.check(declaration) ||
      n.TSInterfaceDeclaration.check(declaration) ||
      n.TSEnumDeclaration.check(declaration)) &&
    n.Identifier.check(declaration.id) &&
    declaration.id.name === name
  ) {
    return { name, statement, declaration };
  }
  return undefined;
}

/** The top-level binding `name` of the module: a function, class, variable, type or import. */
export function findLocalBinding(ast: N.File, name: string): LocalBinding | undefined {
  for (const statement of ast.program.body) {
    if (n.ImportDeclaration.check(statement)) {
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.local?.name === name) {
          return { name, statement, declaration: specifier, importedFrom: String(statement.source.value) };
        }
      }
      continue;
    }
    const declaration =
      (n.ExportNamedDeclaration.check(statement) || n.ExportDefaultDeclaration.check(statement)) && statement.declaration
        ? statement.declaration
        : statement;
    const found = bindingFromDeclaration(statement, declaration, name);
    if (found) return found;
  }
  return undefined;
}

/** Finds the export called `name` ('default' for the default export), in any of the forms above. */
export function findExport(ast: N.File, name: string): FoundExport | undefined {
  for (const statement of ast.program.body) {
    if (n.ExportDefaultDeclaration.check(statement)) {
      if (name !== 'default') continue;
      const declaration = statement.declaration;
      let local: LocalBinding | undefined;
      if (n.Identifier.check(declaration)) {
        local = findLocalBinding(ast, declaration.name);
      } else if ((n.FunctionDeclaration.check(declaration) || n.ClassDeclaration.check(declaration)) && declaration.id) {
        local = bindingFromDeclaration(statement, declaration, String(declaration.id.name));
      } else {
        local = {
          name: 'default',
          statement,
          declaration,
          init: declaration as ExpressionKind,
          fn: asFunction(declaration),
        };
      }
      return { name, form: 'default', statement, local, source: local?.importedFrom, typeOnly: false, line: lineOf(statement) };
    }
    if (!n.ExportNamedDeclaration.check(statement)) continue;
    const typeOnly = (statement as { exportKind?: string }).exportKind === 'type';
    if (statement.declaration) {
      const local = bindingFromDeclaration(statement, statement.declaration, name);
      if (local) {
        const isType = typeOnly || !!local.declaration.type.startsWith('TS');
        return { name, form: 'declaration', statement, local, typeOnly: isType, line: lineOf(statement) };
      }
      continue;
    }
    for (const specifier of statement.specifiers ?? []) {
      if (!n.ExportSpecifier.check(specifier) || exportedName(specifier.exported) !== name) continue;
      const specifierTypeOnly = typeOnly || (specifier as { exportKind?: string }).exportKind === 'type';
      const localName = exportedName(specifier.local ?? specifier.exported) ?? name;
      if (statement.source) {
        return {
          name,
          form: 're-export',
          statement,
          specifier,
          source: String(statement.source.value),
          typeOnly: specifierTypeOnly,
          line: lineOf(statement),
        };
      }
      const local = findLocalBinding(ast, localName);
      return {
        name,
        form: name === 'default' ? 'default' : 'specifier',
        statement,
        specifier,
        local,
        source: local?.importedFrom,
        typeOnly: specifierTypeOnly,
        line: lineOf(statement),
      };
    }
  }
  return undefined;
}

/** `export * from './m'` sources: an export looked for may hide in any of them. */
export function exportAllSources(ast: N.File): string[] {
  return ast.program.body.flatMap((s: StatementKind) => (n.ExportAllDeclaration.check(s) ? [String(s.source.value)] : []));
}

/**
 * The top-level statement that declares an export's function or value in this module (for an inline
 * `export …` declaration, the export statement itself); undefined for a re-export or an imported binding.
 */
export function ownStatement(found: FoundExport | undefined): StatementKind | undefined {
  const local = found?.local;
  return local && local.importedFrom === undefined ? local.statement : undefined;
}
