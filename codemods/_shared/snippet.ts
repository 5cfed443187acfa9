import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, PatternKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { parseModule } from './ast.js';
import { setOriginal } from './twin-parse.js';

/**
 * New code written as text and parsed: printing reuses that text as written, where nodes built with the
 * AST builders would be laid out by recast's generic printer (every object literal spread over lines).
 */
export function statementFrom(code: string): StatementKind {
  return statementsFrom(code)[0]!;
}

/**
 * Several new top-level statements. Their own position is dropped (their text is kept): recast spaces
 * statements by their positions, which for text parsed on its own would glue them to their neighbours.
 */
export function statementsFrom(code: string, typescript = true): StatementKind[] {
  const statements = parsed(code, typescript ? 'snippet.tsx' : 'snippet.jsx').program.body as StatementKind[];
  for (const statement of statements) (statement as { loc?: unknown }).loc = null;
  return statements;
}

// The same snippets recur in every file of a run (config lines, param types of one pattern): each text is
// parsed once, and every use gets its own copy of the nodes (their links to the parsed text are shared).
const cache = new Map<string, N.File>();
const SHARED = new Set(['loc', 'original', 'tokens']);

function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (!value || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  // Of the same kind as the parsed node, so the link recast reprints from is set the parsed node's way.
  const out = Object.create(Object.getPrototypeOf(source) as object) as Record<string, unknown>;
  for (const key of Object.keys(source)) out[key] = SHARED.has(key) ? source[key] : copy(source[key]);
  if ('original' in source) setOriginal(out, source.original);
  return out as T;
}

function parsed(code: string, file: string): N.File {
  const key = `${file}\0${code}`;
  let ast = cache.get(key);
  if (!ast) {
    if (cache.size > 500) cache.clear();
    ast = parseModule(code, file);
    cache.set(key, ast);
  }
  return copy(ast);
}

export function expressionFrom(code: string): ExpressionKind {
  // An initializer, not `(code);`: a parenthesized snippet would carry its parentheses into every reprint.
  const statement = statementFrom(`const e = ${code};`) as N.VariableDeclaration;
  return (statement.declarations[0] as N.VariableDeclarator).init as ExpressionKind;
}

/** A function parameter such as `{ params }: { params: Promise<{ slug: string }> }`. */
export function parameterFrom(code: string, typescript: boolean): PatternKind {
  const fn = parsed(`function f(${code}) {}`, typescript ? 'snippet.tsx' : 'snippet.jsx').program.body[0] as N.FunctionDeclaration;
  return fn.params[0] as PatternKind;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JSON-like value as source text in the house style: `{ slug: 'a', rest: ['x', 'y'] }`. */
export function valueToCode(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(valueToCode).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : valueToCode(k)}: ${valueToCode(v)}`).join(', ')} }`;
}

/** The source text of a node of the module being transformed. */
export function textOf(source: string, node: N.Node): string {
  const { start, end } = node as { start?: number; end?: number };
  return source.slice(start ?? 0, end ?? 0);
}
