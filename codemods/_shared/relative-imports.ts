import type { namedTypes as N } from 'ast-types';
import path from 'node:path';
import { types } from 'recast';

const n = types.namedTypes;

/** `./x` seen from `from` (a project file), as seen from `to`, in the same `./` / `../` style. */
export function moveSpecifier(specifier: string, from: string, to: string): string {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  const target = path.posix.join(path.posix.dirname(from), specifier);
  let moved = path.posix.relative(path.posix.dirname(to), target);
  if (!moved.startsWith('.')) moved = `./${moved}`;
  return moved;
}

/**
 * Keeps relative imports pointing at the same files when a module moves (pages/blog/[slug].tsx →
 * app/blog/[slug]/page.tsx): static imports, `export … from`, `import()` and `require()` with literal
 * specifiers. Returns whether anything changed.
 */
export function rewriteRelativeImports(ast: N.File, from: string, to: string): boolean {
  if (path.posix.dirname(from) === path.posix.dirname(to)) return false;
  let changed = false;
  const update = (literal: N.Node | null | undefined): void => {
    if (!n.StringLiteral.check(literal)) return;
    const moved = moveSpecifier(literal.value, from, to);
    if (moved !== literal.value) {
      literal.value = moved;
      // recast reprints a literal from its raw text when it has one.
      (literal as { extra?: unknown }).extra = undefined;
      changed = true;
    }
  };
  types.visit(ast, {
    visitImportDeclaration(p) {
      update(p.node.source);
      return false;
    },
    visitExportNamedDeclaration(p) {
      update(p.node.source);
      this.traverse(p);
    },
    visitExportAllDeclaration(p) {
      update(p.node.source);
      return false;
    },
    visitCallExpression(p) {
      const callee = p.node.callee;
      if ((n.Import.check(callee) || (n.Identifier.check(callee) && callee.name === 'require')) && p.node.arguments.length > 0) {
        update(p.node.arguments[0]);
      }
      this.traverse(p);
    },
    visitImportExpression(p) {
      update((p.node as { source?: N.Node }).source);
      this.traverse(p);
    },
  });
  return changed;
}
