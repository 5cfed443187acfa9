import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import { referencedNames } from './walk.js';

const n = types.namedTypes;
const b = types.builders;

/** Adds `import { name } from 'source'` unless the module already imports that name from there. */
export function ensureImport(ast: N.File, source: string, name: string): void {
  const body = ast.program.body;
  for (const statement of body) {
    if (!n.ImportDeclaration.check(statement) || statement.source.value !== source) continue;
    if ((statement as { importKind?: string }).importKind === 'type') continue;
    const specifiers = statement.specifiers ?? [];
    if (specifiers.some((s) => n.ImportSpecifier.check(s) && String(s.imported.name) === name)) return;
    if (specifiers.some((s) => n.ImportNamespaceSpecifier.check(s))) continue;
    specifiers.push(b.importSpecifier(b.identifier(name)));
    statement.specifiers = specifiers;
    return;
  }
  const declaration = b.importDeclaration([b.importSpecifier(b.identifier(name))], b.stringLiteral(source));
  // Before the first import: framework imports lead, and the import block stays together.
  // A comment above the first import belongs to the file, so the new import goes after that one.
  const first = body.findIndex((statement: StatementKind) => n.ImportDeclaration.check(statement));
  const commented = first >= 0 && ((body[first] as { comments?: unknown[] }).comments?.length ?? 0) > 0;
  body.splice(first < 0 ? 0 : commented ? first + 1 : first, 0, declaration);
}

/** Drops the named imports from `source` that nothing references any more (the declaration too when emptied). */
export function dropUnusedImports(ast: N.File, source: string, names: readonly string[]): void {
  const body = ast.program.body;
  let used: Set<string> | undefined;
  for (const statement of [...body]) {
    if (!n.ImportDeclaration.check(statement) || statement.source.value !== source) continue;
    const specifiers = statement.specifiers ?? [];
    if (!specifiers.some((s) => n.ImportSpecifier.check(s) && names.includes(String(s.imported.name)))) continue;
    used ??= referencedNames(ast.program);
    const kept = specifiers.filter(
      (s) => !(n.ImportSpecifier.check(s) && names.includes(String(s.imported.name)) && !used!.has(String(s.local?.name ?? s.imported.name))),
    );
    if (kept.length === specifiers.length) continue;
    if (kept.length > 0) {
      statement.specifiers = kept;
      continue;
    }
    const index = body.indexOf(statement);
    body.splice(index, 1);
    // A comment above a dropped import (a file header, say) stays with the file.
    const comments = (statement as { comments?: { leading?: boolean }[] }).comments?.filter((c) => c.leading);
    const next = body[index] as { comments?: unknown[] } | undefined;
    if (comments?.length && next) next.comments = [...comments, ...(next.comments ?? [])];
  }
}

/** Adds `import type { name } from 'source'` unless some import of that source already brings the name in. */
export function ensureTypeImport(ast: N.File, source: string, name: string): void {
  const body = ast.program.body;
  for (const statement of body) {
    if (!n.ImportDeclaration.check(statement) || statement.source.value !== source) continue;
    const specifiers = statement.specifiers ?? [];
    if (specifiers.some((s) => n.ImportSpecifier.check(s) && String(s.imported.name) === name)) return;
    if ((statement as { importKind?: string }).importKind === 'type') {
      specifiers.push(b.importSpecifier(b.identifier(name)));
      statement.specifiers = specifiers;
      return;
    }
  }
  const declaration = b.importDeclaration([b.importSpecifier(b.identifier(name))], b.stringLiteral(source));
  (declaration as { importKind?: string }).importKind = 'type';
  const first = body.findIndex((statement: StatementKind) => n.ImportDeclaration.check(statement));
  const commented = first >= 0 && ((body[first] as { comments?: unknown[] }).comments?.length ?? 0) > 0;
  body.splice(first < 0 ? 0 : commented ? first + 1 : first, 0, declaration);
}
