import type { namedTypes as N } from 'ast-types';
import path from 'node:path';
import { endOf, startOf, type EditedModule } from './edited-module.js';
import type { FoundExport, LocalBinding } from './find-export.js';
import { moveSpecifier } from './relative-imports.js';
import { walk } from './walk.js';

/** The edits the transforms make on a module's exports, imports and bindings (see EditedModule). */

/**
 * Removes the export `found`. A declaration goes with its export (only its own declarator when several share
 * one `const`); a specifier goes from its list (the statement too when the list empties), and the local binding
 * stays: the caller decides whether it still has a use.
 */
export function removeExport(m: EditedModule, found: FoundExport): void {
  const statement = found.statement;
  if (found.specifier && statement.type === 'ExportNamedDeclaration') {
    if (m.dropItem(statement.specifiers as N.Node[], found.specifier)) m.removeStatement(statement);
    return;
  }
  if (found.local) removeLocalBinding(m, found.local);
  else m.removeStatement(statement);
}

/** Removes a top-level binding's declaration: its statement, its declarator in a shared `const`, or its import specifier. */
export function removeLocalBinding(m: EditedModule, local: LocalBinding): void {
  const declaration = local.declaration as N.Node;
  if (local.declarator && declaration.type === 'VariableDeclaration') {
    if (m.dropItem((declaration as N.VariableDeclaration).declarations as N.Node[], local.declarator)) m.removeStatement(local.statement);
    return;
  }
  if (local.importedFrom !== undefined && local.statement.type === 'ImportDeclaration') {
    if (m.dropItem((local.statement as N.ImportDeclaration).specifiers as N.Node[], declaration)) m.removeStatement(local.statement);
    return;
  }
  m.removeStatement(local.statement);
}

/** `export const x = …` → `const x = …`: the export goes, the code (and the comments above it) stays. */
export function unexport(m: EditedModule, found: FoundExport): void {
  const statement = found.statement as N.ExportNamedDeclaration;
  if (statement.type !== 'ExportNamedDeclaration' || !statement.declaration) return;
  m.remove(startOf(statement), startOf(statement.declaration));
}

/**
 * Renames every reference to a top-level binding (declaration, uses, `typeof x` in types, export specifiers'
 * local side), leaving object keys and member names alone. Shadowing inner bindings of the same name are rare
 * in page files and are not tracked. Code already removed or rewritten is left alone.
 */
export function renameBinding(m: EditedModule, from: string, to: string): void {
  for (const { node, parent, key } of m.scan().identifiers) {
    if (node.type !== 'Identifier' || node.name !== from || !parent) continue;
    const p = parent as unknown as { computed?: boolean; shorthand?: boolean };
    const isKey =
      (parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') &&
      key === 'key' &&
      !p.computed;
    if (m.isGone(node)) continue;
    if (parent.type === 'ObjectProperty' && p.shorthand) {
      // `{ getStaticProps }` → `{ getStaticProps: renamed }` keeps the key (its value is the same text).
      if (isKey) m.insert(endOf(node), `: ${to}`);
      continue;
    }
    if (isKey) continue;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !p.computed) continue;
    if (parent.type === 'ExportSpecifier') {
      if (key === 'local') m.renameSpecifier(parent as N.ExportSpecifier, { local: to });
      continue;
    }
    if (parent.type === 'TSQualifiedName' && key === 'right') continue;
    if (parent.type === 'ImportSpecifier') {
      // `import { x }` → `import { x as renamed }`: the other module's export keeps its name.
      const specifier = parent as N.ImportSpecifier;
      if (key === 'local' && startOf(specifier.imported) === startOf(node)) m.insert(endOf(specifier), ` as ${to}`);
      else if (key === 'local') m.edits.replace(startOf(node), endOf(node), to);
      continue;
    }
    // A typed identifier's range runs over its annotation (`x: T`): only the name is replaced.
    m.edits.replace(startOf(node), startOf(node) + from.length, to);
  }
}

/**
 * Imports `names` from `source` unless the module already does: added to the first value import of that
 * source with named imports, or in a new import above the first import (below it when comments lead it).
 */
export function ensureImports(m: EditedModule, source: string, names: readonly string[]): void {
  const body = m.ast.program.body as N.Node[];
  const imports = body.filter((s): s is N.ImportDeclaration => s.type === 'ImportDeclaration');
  const from = imports.filter((s) => s.source.value === source && s.importKind !== 'type');
  const has = (name: string): boolean =>
    from.some((s) => (s.specifiers ?? []).some((sp) => sp.type === 'ImportSpecifier' && String(sp.imported.name) === name));
  const missing = names.filter((name) => !has(name));
  if (missing.length === 0) return;
  const named = from.find((s) => (s.specifiers ?? []).some((sp) => sp.type === 'ImportSpecifier'));
  if (named) {
    const specifiers = named.specifiers!.filter((sp) => sp.type === 'ImportSpecifier');
    m.insert(endOf(specifiers[specifiers.length - 1]!), missing.map((name) => `, ${name}`).join(''));
    return;
  }
  insertImport(m, `import { ${missing.join(', ')} } from '${source}';`);
}

/**
 * A new import declaration above the first import, or below it when comments lead it (a file header, a
 * marker: they stay with what they were above); at the top when there is no import.
 */
function insertImport(m: EditedModule, declaration: string): void {
  const body = m.ast.program.body as N.Node[];
  const first = body.find((s) => s.type === 'ImportDeclaration');
  if (first && m.commentStart(first) < startOf(first)) m.insertAfter(first, declaration, '\n');
  else if (first) m.insertBefore(first, declaration, '\n');
  else if (body[0]) m.insertBefore(body[0], declaration);
  else m.insertAfter(undefined, declaration);
}

/** Imports the type `name` from `source` unless some import of that source already brings it in. */
export function ensureTypeImport(m: EditedModule, source: string, name: string): void {
  const body = m.ast.program.body as N.Node[];
  const imports = body.filter((s): s is N.ImportDeclaration => s.type === 'ImportDeclaration');
  const from = imports.filter((s) => s.source.value === source);
  if (from.some((s) => (s.specifiers ?? []).some((sp) => sp.type === 'ImportSpecifier' && String(sp.imported.name) === name))) return;
  const typeImport = from.find((s) => s.importKind === 'type' && (s.specifiers ?? []).some((sp) => sp.type === 'ImportSpecifier'));
  if (typeImport) {
    const specifiers = typeImport.specifiers!;
    m.insert(endOf(specifiers[specifiers.length - 1]!), `, ${name}`);
    return;
  }
  insertImport(m, `import type { ${name} } from '${source}';`);
}

/** Drops the named imports from `source` that the result no longer refers to (the declaration too when emptied). */
export function dropUnusedImports(m: EditedModule, source: string, names: readonly string[]): void {
  let used: Set<string> | undefined;
  for (const statement of m.ast.program.body as N.Node[]) {
    if (statement.type !== 'ImportDeclaration' || (statement as N.ImportDeclaration).source.value !== source) continue;
    const specifiers = ((statement as N.ImportDeclaration).specifiers ?? []) as N.Node[];
    const candidates = specifiers.filter((s) => s.type === 'ImportSpecifier' && names.includes(String((s as N.ImportSpecifier).imported.name)));
    if (candidates.length === 0) continue;
    used ??= m.usedNames();
    for (const specifier of candidates) {
      const local = String((specifier as N.ImportSpecifier).local?.name ?? (specifier as N.ImportSpecifier).imported.name);
      if (!used.has(local) && m.dropItem(specifiers, specifier)) m.removeStatement(statement);
    }
  }
}

/** Keeps relative imports pointing at the same files when the module moves from `from` to `to`. */
export function rewriteRelativeImports(m: EditedModule, from: string, to: string): void {
  if (path.posix.dirname(from) === path.posix.dirname(to)) return;
  for (const literal of m.scan().moduleSources) {
    const moved = moveSpecifier(literal.value, from, to);
    if (moved === literal.value || m.isGone(literal)) continue;
    const quote = m.source[startOf(literal)] === '"' ? '"' : "'";
    m.replace(literal, quote + moved.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`) + quote);
  }
  rewriteTemplateImports(m, from, to);
}

/**
 * `import(\`../messages/${locale}.json\`)`: the folder the template starts with moves with the module, as a
 * literal specifier does; what follows the last `/` of its first part is kept as written.
 */
function rewriteTemplateImports(m: EditedModule, from: string, to: string): void {
  walk(m.ast.program, (node) => {
    let argument: N.Node | undefined;
    if (node.type === 'ImportExpression') argument = (node as unknown as { source: N.Node }).source;
    else if (node.type === 'CallExpression') {
      const call = node as N.CallExpression;
      const callee = call.callee as N.Node;
      if (callee.type === 'Import' || (callee.type === 'Identifier' && (callee as N.Identifier).name === 'require')) argument = call.arguments[0] as N.Node | undefined;
    }
    if (argument?.type !== 'TemplateLiteral') return;
    const first = (argument as N.TemplateLiteral).quasis[0];
    const raw = first?.value.raw ?? '';
    const folder = raw.slice(0, raw.lastIndexOf('/') + 1);
    if (!first || !/^\.\.?\//.test(folder)) return;
    m.replace(first, moveSpecifier(folder, from, to) + raw.slice(folder.length));
  });
}
