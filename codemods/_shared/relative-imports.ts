import type { namedTypes as N } from 'ast-types';
import path from 'node:path';

/**
 * A relative specifier (`./x`, `../x`, `.`, `..`) seen from `from` (a project file), as seen from `to`, in the
 * same `./` / `../` style, keeping a trailing `/`. Any other specifier is returned as it is.
 */
export function moveSpecifier(specifier: string, from: string, to: string): string {
  if (!/^\.\.?(?:\/|$)/.test(specifier)) return specifier;
  const target = path.posix.join(path.posix.dirname(from), specifier);
  let moved = path.posix.relative(path.posix.dirname(to), target);
  if (!moved.startsWith('.')) moved = `./${moved}`;
  if (specifier.endsWith('/') && !moved.endsWith('/')) moved += '/';
  return moved;
}

/**
 * The string literal naming another module in `node`, if it is a static import, an `export … from`, an
 * `import()` or a `require()` with a literal specifier.
 */
export function moduleSource(node: N.Node): N.StringLiteral | undefined {
  const type = node.type;
  let literal: N.Node | null | undefined;
  if (type === 'ImportDeclaration' || type === 'ExportNamedDeclaration' || type === 'ExportAllDeclaration' || type === 'ImportExpression') {
    literal = (node as { source?: N.Node | null }).source;
  } else if (type === 'CallExpression') {
    const { callee, arguments: args } = node as N.CallExpression;
    if ((callee.type === 'Import' || (callee.type === 'Identifier' && callee.name === 'require')) && args.length > 0) literal = args[0];
  }
  return literal?.type === 'StringLiteral' ? (literal as N.StringLiteral) : undefined;
}

/** The project module a relative import names (`base` joined to the importer's folder), read through `readFile`. */
export function resolveModule(base: string, readFile: (path: string) => string | undefined): { path: string; source: string } | undefined {
  const stripped = base.replace(/\.(?:js|jsx|mjs)$/, '');
  for (const candidate of [base, ...['.tsx', '.ts', '.jsx', '.js'].flatMap((e) => [`${stripped}${e}`]), ...['.tsx', '.ts', '.jsx', '.js'].map((e) => `${base}/index${e}`)]) {
    const source = readFile(candidate);
    if (source !== undefined) return { path: candidate, source };
  }
  return undefined;
}
