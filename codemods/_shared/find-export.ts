import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import { walk } from './walk.js';

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

/** Removes a top-level statement; a comment above it stays in the file, above the statement that follows. */
function removeStatement(ast: N.File, statement: N.Node): void {
  const body = ast.program.body;
  const index = body.indexOf(statement as StatementKind);
  if (index < 0) return;
  body.splice(index, 1);
  const leading = (statement as { comments?: { leading?: boolean }[] | null }).comments?.filter((c) => c.leading) ?? [];
  const next = body[index] as { comments?: unknown[] | null } | undefined;
  if (leading.length > 0 && next) next.comments = [...leading, ...(next.comments ?? [])];
}

/**
 * Removes the export `found` from the module. A declaration goes with its export (only its own declarator when
 * several share one `const`); a specifier goes from its list (the statement too when the list empties), and
 * the local binding stays: the caller decides whether it still has a use.
 */
export function removeExport(ast: N.File, found: FoundExport): void {
  if (found.specifier && n.ExportNamedDeclaration.check(found.statement)) {
    const specifiers = found.statement.specifiers ?? [];
    specifiers.splice(specifiers.indexOf(found.specifier), 1);
    if (specifiers.length === 0) removeStatement(ast, found.statement);
    return;
  }
  const local = found.local;
  if (local?.declarator && n.VariableDeclaration.check(local.declaration) && local.declaration.declarations.length > 1) {
    const list = local.declaration.declarations;
    list.splice(list.indexOf(local.declarator), 1);
    return;
  }
  removeStatement(ast, found.statement);
}

/** Removes a top-level local binding's declaration (a whole statement, or its declarator in a shared `const`). */
export function removeLocalBinding(ast: N.File, local: LocalBinding): void {
  if (local.declarator && n.VariableDeclaration.check(local.declaration) && local.declaration.declarations.length > 1) {
    const list = local.declaration.declarations;
    list.splice(list.indexOf(local.declarator), 1);
    return;
  }
  removeStatement(ast, local.statement);
}

/**
 * Turns an inline `export <declaration>` into the bare declaration (the export is dropped, the code stays),
 * keeping the statement's comments. Returns the declaration statement now in the module.
 */
export function unexportDeclaration(ast: N.File, found: FoundExport): StatementKind | undefined {
  const statement = found.statement;
  if (!n.ExportNamedDeclaration.check(statement) || !statement.declaration) return undefined;
  const body = ast.program.body;
  const index = body.indexOf(statement);
  const declaration = statement.declaration as StatementKind;
  const comments = (statement as { comments?: unknown[] }).comments;
  if (comments?.length) (declaration as { comments?: unknown[] }).comments = comments;
  body.splice(index, 1, declaration);
  if (found.local) found.local.statement = declaration;
  return declaration;
}

/**
 * Renames every reference to a top-level binding (declaration, uses, `typeof x` in types, export specifiers'
 * local side), leaving object keys and member names alone. Shadowing inner bindings of the same name are rare
 * in page files and are not tracked.
 */
export function renameBinding(ast: N.File, from: string, to: string): void {
  walk(ast.program, (node, parent, key) => {
    if (node.type !== 'Identifier' || (node as N.Identifier).name !== from || !parent) return;
    const p = parent as unknown as { computed?: boolean; shorthand?: boolean; value?: unknown };
    const isKey =
      (parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') &&
      key === 'key' &&
      !p.computed;
    if (isKey && p.shorthand && parent.type === 'ObjectProperty') {
      // `{ getStaticProps }` → `{ getStaticProps: renamed }` keeps the key.
      p.shorthand = false;
      p.value = types.builders.identifier(to);
      return;
    }
    if (isKey) return;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !p.computed) return;
    if (parent.type === 'ExportSpecifier' && key === 'exported' && (parent as N.ExportSpecifier).local !== node) return;
    if (parent.type === 'TSQualifiedName' && key === 'right') return;
    (node as N.Identifier).name = to;
  });
}

/** True when `name` is referenced anywhere in the module besides its own declaration. */
export function isReferenced(ast: N.File, name: string, except?: N.Node): boolean {
  let found = false;
  types.visit(ast, {
    visitNode(path) {
      if (found || path.node === except) return false;
      this.traverse(path);
      return undefined;
    },
    visitIdentifier(path) {
      const node = path.node;
      const parent = path.parent?.node as N.Node | undefined;
      if (node.name !== name || found) return false;
      if (parent && (n.FunctionDeclaration.check(parent) || n.ClassDeclaration.check(parent)) && parent.id === node) return false;
      if (parent && n.VariableDeclarator.check(parent) && parent.id === node) return false;
      if (parent && (n.MemberExpression.check(parent) || n.OptionalMemberExpression.check(parent)) && parent.property === node && !parent.computed) return false;
      if (parent && n.ObjectProperty.check(parent) && parent.key === node && !parent.computed && !(parent as { shorthand?: boolean }).shorthand) return false;
      if (parent && (n.ImportSpecifier.check(parent) || n.ImportDefaultSpecifier.check(parent) || n.ImportNamespaceSpecifier.check(parent))) return false;
      found = true;
      return false;
    },
  });
  return found;
}
