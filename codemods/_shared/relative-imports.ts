import type { namedTypes as N } from 'ast-types';
import path from 'node:path';
import { types } from 'recast';
import { walk } from './walk.js';

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
 * The string literals naming another module: of static imports, `export … from`, `import()` and `require()`
 * with a literal specifier.
 */
export function moduleSpecifiers(ast: N.File): N.StringLiteral[] {
  const found: N.StringLiteral[] = [];
  const add = (literal: N.Node | null | undefined): void => {
    if (n.StringLiteral.check(literal)) found.push(literal);
  };
  // Plain type tests: this visits every node of the module.
  walk(ast.program, (node) => {
    const type = node.type;
    if (type === 'ImportDeclaration' || type === 'ExportNamedDeclaration' || type === 'ExportAllDeclaration') {
      add((node as { source?: N.Node | null }).source);
    } else if (type === 'CallExpression') {
      const { callee, arguments: args } = node as N.CallExpression;
      if ((callee.type === 'Import' || (callee.type === 'Identifier' && callee.name === 'require')) && args.length > 0) add(args[0]);
    } else if (type === 'ImportExpression') {
      add((node as { source?: N.Node }).source);
    }
  });
  return found;
}

/**
 * Keeps relative imports pointing at the same files when a module moves (pages/blog/[slug].tsx →
 * app/blog/[slug]/page.tsx). Returns whether anything changed.
 */
export function rewriteRelativeImports(ast: N.File, from: string, to: string): boolean {
  if (path.posix.dirname(from) === path.posix.dirname(to)) return false;
  let changed = false;
  for (const literal of moduleSpecifiers(ast)) {
    const moved = moveSpecifier(literal.value, from, to);
    if (moved === literal.value) continue;
    literal.value = moved;
    // recast reprints a literal from its raw text when it has one.
    (literal as { extra?: unknown }).extra = undefined;
    changed = true;
  }
  return changed;
}
