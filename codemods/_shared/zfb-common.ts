import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { Segment } from '../../src/model/types.js';
import { parseModule, printModule } from './ast.js';
import { findLocalBinding } from './find-export.js';
import { addMarker } from './marker.js';

const n = types.namedTypes;

/** Top-level statements parsed from generated code; printed verbatim because recast keeps their own text. */
export function statements(code: string, ts: boolean): StatementKind[] {
  return parseModule(code, ts ? 'generated.tsx' : 'generated.jsx').program.body as StatementKind[];
}

/** One expression parsed from generated code (kept verbatim when printed, like `statements`). */
export function expression(code: string, ts: boolean): ExpressionKind {
  // A declaration rather than `(code);`: parentheses would stay around the printed expression.
  const [statement] = statements(`const generated = ${code};`, ts);
  return ((statement as N.VariableDeclaration).declarations[0] as N.VariableDeclarator).init as ExpressionKind;
}

export function isTypeScript(path: string): boolean {
  return /\.[mc]?tsx?$/.test(path);
}

const GAP = '__zfb_next_gap__';

/**
 * Marks generated top-level statements so `printWithGaps` puts a blank line before each: recast keeps the
 * spacing of the original statements around them, which is often none.
 */
export function withGap<T extends N.Node>(nodes: T[]): T[] {
  for (const node of nodes) {
    const target = node as { comments?: unknown[] };
    target.comments = [{ type: 'CommentBlock', value: GAP, leading: true, trailing: false }, ...(target.comments ?? [])];
  }
  return nodes;
}

export function printWithGaps(ast: N.File): string {
  const text = printModule(ast);
  return text.replace(new RegExp(`(?:\\n*/\\*${GAP}\\*/[ \\t]*\\n?)+`, 'g'), (_match, offset: number) => (offset === 0 ? '' : '\n\n'));
}

/** Inserts statements after the last top-level import (or at the top). */
export function insertAfterImports(ast: N.File, added: StatementKind[]): void {
  const body = ast.program.body;
  let index = 0;
  body.forEach((statement: StatementKind, i: number) => {
    if (n.ImportDeclaration.check(statement)) index = i + 1;
  });
  body.splice(index, 0, ...added);
}

/** Inserts statements right after `anchor` (a top-level statement), or at the end when it is gone. */
export function insertAfter(ast: N.File, anchor: N.Node | undefined, added: StatementKind[]): void {
  const body = ast.program.body;
  const index = anchor ? body.indexOf(anchor as StatementKind) : -1;
  if (index < 0) body.push(...added);
  else body.splice(index + 1, 0, ...added);
}

/** The first name among `wanted` that is already a top-level binding (a generated name would clash with it). */
export function clashingBinding(ast: N.File, wanted: readonly string[]): string | undefined {
  return wanted.find((name) => findLocalBinding(ast, name) !== undefined);
}

/**
 * Moves every relative module specifier (imports, re-exports, `import()`, `require()`) so it still points at
 * the same file once the module lives at `to` instead of `from` (both project-relative).
 */
export function rebaseRelativeImports(ast: N.File, from: string, to: string): void {
  const fromDir = posix.dirname(from);
  const toDir = posix.dirname(to);
  if (fromDir === toDir) return;
  // A new literal parsed from text keeps that text when printed (recast would otherwise requote it).
  const rebase = (literal: N.Node | null | undefined): N.Node | null | undefined => {
    if (!literal || !n.StringLiteral.check(literal) || !/^\.\.?(\/|$)/.test(literal.value)) return literal;
    let moved = posix.relative(toDir, posix.join(fromDir, literal.value));
    if (!moved.startsWith('.')) moved = `./${moved}`;
    if (literal.value.endsWith('/') && !moved.endsWith('/')) moved += '/';
    const quote = (literal as { extra?: { raw?: string } }).extra?.raw?.[0] === '"' ? '"' : "'";
    return expression(`${quote}${moved.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`, false);
  };
  types.visit(ast, {
    visitImportDeclaration(path) {
      path.node.source = rebase(path.node.source) as N.StringLiteral;
      return false;
    },
    visitExportNamedDeclaration(path) {
      if (path.node.source) path.node.source = rebase(path.node.source) as N.StringLiteral;
      this.traverse(path);
    },
    visitExportAllDeclaration(path) {
      path.node.source = rebase(path.node.source) as N.StringLiteral;
      return false;
    },
    visitImportExpression(path) {
      path.node.source = rebase(path.node.source) as N.ImportExpression['source'];
      this.traverse(path);
    },
    visitCallExpression(path) {
      const { callee, arguments: args } = path.node;
      if ((n.Import.check(callee) || (n.Identifier.check(callee) && callee.name === 'require')) && args[0]) {
        args[0] = rebase(args[0]) as (typeof args)[0];
      }
      this.traverse(path);
    },
  });
}

const NODE_BUILTINS = new Set(builtinModules);

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

/** The statement (a direct child of a block or the program) that holds the node at `path`. */
function enclosingStatement(path: { node: N.Node; parent?: unknown }): N.Node {
  let current = path as { node: N.Node; parent?: { node: N.Node } | null };
  while (current.parent) {
    const parent = current.parent.node;
    if (n.Program.check(parent) || n.BlockStatement.check(parent)) return current.node;
    current = current.parent as typeof current;
  }
  return current.node;
}

/**
 * zfb runs paths() and the render in an embedded V8 without Node: `fetch()` throws, `node:*` (and every Node
 * builtin) cannot be imported, `process` is undefined except `process.env.NODE_ENV`. Marks each such spot;
 * the migrate command can run this data code in Node before the build instead.
 */
export function markNodeOnlyCode(ast: N.File): void {
  const marked = new Set<N.Node>();
  const mark = (node: N.Node, reason: string) => {
    const key = node;
    if (marked.has(key)) return;
    marked.add(key);
    addMarker(node, reason);
  };
  for (const statement of ast.program.body) {
    if (n.ImportDeclaration.check(statement) && statement.importKind !== 'type' && isNodeBuiltin(String(statement.source.value))) {
      mark(
        statement,
        `'${String(statement.source.value)}' is a Node module; zfb runs paths() and pages in V8 without Node: load this data before the build`,
      );
    }
  }
  types.visit(ast, {
    visitCallExpression(path) {
      const callee = path.node.callee;
      if (n.Identifier.check(callee) && callee.name === 'fetch') {
        mark(enclosingStatement(path), 'fetch() throws in zfb (no network during the build): load this data before the build');
      }
      if (n.Identifier.check(callee) && callee.name === 'require' && n.StringLiteral.check(path.node.arguments[0])) {
        const specifier = path.node.arguments[0].value;
        if (isNodeBuiltin(specifier)) {
          mark(enclosingStatement(path), `'${specifier}' is a Node module; zfb runs paths() and pages in V8 without Node: load this data before the build`);
        }
      }
      this.traverse(path);
    },
    visitIdentifier(path) {
      const node = path.node;
      const parent = path.parent?.node as N.Node | undefined;
      if (node.name !== 'process' || n.JSXIdentifier.check(node)) return false;
      if (parent && (n.MemberExpression.check(parent) || n.OptionalMemberExpression.check(parent)) && parent.property === node) return false;
      if (parent && n.ObjectProperty.check(parent) && parent.key === node && !parent.shorthand) return false;
      if (isNodeEnv(path)) return false;
      mark(enclosingStatement(path), '`process` is undefined in zfb (only process.env.NODE_ENV is set): pass this value in another way');
      return false;
    },
  });
}

/** `process.env.NODE_ENV`, the one part of `process` zfb defines (as "production"). */
function isNodeEnv(path: { parent?: unknown }): boolean {
  const env = (path.parent as { node: N.Node; parent?: { node: N.Node } } | undefined);
  const outer = env?.parent?.node;
  return (
    !!env &&
    n.MemberExpression.check(env.node) &&
    n.Identifier.check(env.node.property) &&
    env.node.property.name === 'env' &&
    !!outer &&
    n.MemberExpression.check(outer) &&
    n.Identifier.check(outer.property) &&
    outer.property.name === 'NODE_ENV'
  );
}

/** Link props that only steer Next's client router: on a plain `<a>` they mean nothing. */
const ROUTER_ONLY_LINK_PROPS = new Set(['prefetch', 'replace', 'scroll', 'shallow', 'passHref', 'locale']);

const NEXT_MODULE_ADVICE: Record<string, string> = {
  'next/head': 'zfb has no next/head: render <title> and <meta> inside the <head> of the page or its layout',
  'next/image': 'zfb has no next/image: use <img> with the image in public/',
  'next/router': 'zfb has no next/router: pages are static HTML (read params from the page input; use islands for client code)',
  'next/navigation': 'zfb has no next/navigation: notFound()/redirect() cannot run in a static zfb page; leave such URLs out of paths()',
  'next/font': 'zfb has no next/font: load the font with a <link> or @font-face in styles/global.css',
  'next/script': 'zfb has no next/script: use a <script> tag or an island',
  'next/dynamic': 'zfb has no next/dynamic: import the component directly (or make it an island)',
};

/**
 * Next.js runtime imports have no zfb equivalent. `next/link` becomes a plain `<a>` when every use is a simple
 * JSX element (zfb pages are static HTML, so a link is an anchor); anything else gets a marker at its import.
 * Type-only imports (`import type { GetStaticProps } from 'next'`) are erased by the bundler and stay.
 */
export function migrateNextImports(ast: N.File): void {
  for (const statement of [...ast.program.body]) {
    if (!n.ImportDeclaration.check(statement) || statement.importKind === 'type') continue;
    const source = String(statement.source.value);
    if (source !== 'next' && !source.startsWith('next/')) continue;
    const specifiers = statement.specifiers ?? [];
    if (specifiers.length > 0 && specifiers.every((s) => (s as { importKind?: string }).importKind === 'type')) continue;
    if (source === 'next/link' && linkToAnchor(ast, statement)) continue;
    const advice =
      NEXT_MODULE_ADVICE[source] ??
      NEXT_MODULE_ADVICE[source.split('/').slice(0, 2).join('/')] ??
      `'${source}' is part of the Next.js runtime, which zfb does not have`;
    addMarker(statement, advice);
  }
}

function linkToAnchor(ast: N.File, statement: N.ImportDeclaration): boolean {
  const specifier = (statement.specifiers ?? []).find((s) => n.ImportDefaultSpecifier.check(s));
  if (!specifier || (statement.specifiers ?? []).length !== 1 || !specifier.local) return false;
  const name = String(specifier.local.name);
  const elements: N.JSXElement[] = [];
  let otherUse = false;
  types.visit(ast, {
    visitJSXElement(path) {
      const opening = path.node.openingElement;
      if (n.JSXIdentifier.check(opening.name) && opening.name.name === name) elements.push(path.node);
      this.traverse(path);
    },
    visitIdentifier(path) {
      const parent = path.parent?.node as N.Node | undefined;
      const inJsx = n.JSXIdentifier.check(path.node);
      if (path.node.name === name && !inJsx && !(parent && n.ImportDefaultSpecifier.check(parent))) otherUse = true;
      return false;
    },
  });
  if (otherUse) return false;
  for (const element of elements) {
    for (const attribute of element.openingElement.attributes ?? []) {
      if (!n.JSXAttribute.check(attribute)) return false; // a spread may carry router props
      const key = String(attribute.name.name);
      if (key === 'legacyBehavior') return false;
      // A UrlObject href needs Next's formatter; only strings and expressions yielding strings carry over.
      if (key === 'href' && n.JSXExpressionContainer.check(attribute.value) && n.ObjectExpression.check(attribute.value.expression)) return false;
    }
  }
  for (const element of elements) {
    const opening = element.openingElement;
    opening.name = types.builders.jsxIdentifier('a');
    opening.attributes = (opening.attributes ?? []).filter(
      (a) => !(n.JSXAttribute.check(a) && ROUTER_ONLY_LINK_PROPS.has(String(a.name.name))),
    );
    if (element.closingElement) element.closingElement.name = types.builders.jsxIdentifier('a');
  }
  ast.program.body.splice(ast.program.body.indexOf(statement), 1);
  return true;
}

/** `[category]` → `category`, for generated identifiers. */
export function identifierFor(text: string): string {
  const words = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return /^[A-Za-z_$]/.test(joined) ? joined : `_${joined}`;
}

export type ParamSegment = Exclude<Segment, { kind: 'static' }>;

/** Route keys in URL order. */
export function routeKeys(segments: readonly Segment[]): ParamSegment[] {
  return segments.filter((s): s is ParamSegment => s.kind !== 'static');
}

/** A property access that stays valid for any param name (`params.slug`, `params['my-id']`). */
export function access(object: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}

export function objectKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Generated code: the params object's fields read from `match`, the route regex's groups in segment order,
 * decoded as Next.js decodes a string path (`slug: decodeURIComponent(match[1])`).
 */
export function paramsFromMatchFields(segments: readonly Segment[], ts: boolean): string {
  const bang = ts ? '!' : '';
  return routeKeys(segments)
    .map((k, i) => {
      const m = `match[${i + 1}]`;
      const value =
        k.kind === 'dynamic'
          ? `decodeURIComponent(${m}${bang})`
          : k.kind === 'catchall'
            ? `${m}${bang}.split('/').map(decodeURIComponent)`
            : `${m} ? ${m}.split('/').map(decodeURIComponent) : []`;
      return `${objectKey(k.name)}: ${value}`;
    })
    .join(', ');
}

/** Generated code: the locales as regex alternatives (`en|fr|de-CH`), special characters escaped. */
export function localeAlternatives(locales: readonly string[]): string {
  return locales.map((l) => l.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&')).join('|');
}
