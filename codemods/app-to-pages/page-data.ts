import type { namedTypes as N } from 'ast-types';
import { endOf, startOf, type EditedModule } from '../_shared/edited-module.js';
import type { FunctionNode } from '../_shared/find-export.js';
import { boundNames } from '../_shared/page-component.js';
import { walk, walkWithAncestors } from '../_shared/walk.js';
import { NAVIGATION } from './navigation-errors.js';

const FUNCTION = /Function|Method$/;

/**
 * An async app page component split in two: the statements up to its last `await` load data and become the
 * body of getStaticProps; the rest renders and stays in the (now synchronous) component, which receives as
 * props every name the loading part declared and the rendering part uses.
 */
export interface PageSplit {
  /** The text of getStaticProps' body, `notFound()` / `redirect()` statements already turned into pages-router results. */
  load: string;
  /** The same text one indent step deeper, for a block inside getStaticProps' body. */
  nestedLoad: string;
  /** The names passed as props, in declaration order. */
  props: string[];
  /** Names of next/navigation functions no longer called. */
  replaced: Set<string>;
}

/** Whether `found` holds for a node under `root`, nested functions left out. */
function some(root: N.Node, found: (node: N.Node) => boolean): boolean {
  let result = false;
  walk(root, (node) => {
    if (result || (node !== root && FUNCTION.test(node.type))) return false;
    if (found(node)) result = true;
    return undefined;
  });
  return result;
}

const containsAwait = (node: N.Node): boolean =>
  some(node, (n) => n.type === 'AwaitExpression' || (n.type === 'ForOfStatement' && (n as N.ForOfStatement).await === true));

const isNavigationCall = (node: N.Node | null | undefined): node is N.CallExpression =>
  node?.type === 'CallExpression' &&
  (node as N.CallExpression).callee.type === 'Identifier' &&
  NAVIGATION.includes(((node as N.CallExpression).callee as N.Identifier).name);

/** A `return` other than `return notFound()` / `return redirect(…)`: it would return markup, not data. */
const containsRenderReturn = (node: N.Node): boolean =>
  some(node, (n) => n.type === 'ReturnStatement' && !isNavigationCall((n as N.ReturnStatement).argument));

const callsNavigation = (node: N.Node): boolean => some(node, isNavigationCall);

/** The names the rendering statements use (not as member names or object keys), JSX names too. */
function referencedNames(nodes: readonly N.Node[]): Set<string> {
  const names = new Set<string>();
  for (const root of nodes) {
    walk(root, (node, parent) => {
      if (node.type === 'JSXIdentifier') names.add((node as N.JSXIdentifier).name);
      if (node.type !== 'Identifier') return node.type === 'JSXIdentifier' ? false : undefined;
      const p = parent as { type?: string; property?: N.Node; key?: N.Node; computed?: boolean; shorthand?: boolean } | undefined;
      const isProperty =
        (p?.type === 'MemberExpression' && p.property === node && !p.computed) ||
        (p?.type === 'ObjectProperty' && p.key === node && !p.computed && !p.shorthand);
      if (!isProperty) names.add((node as N.Identifier).name);
      return false;
    });
  }
  return names;
}

/**
 * `notFound()` → `return { notFound: true }`; `redirect(x)` / `permanentRedirect(x)` →
 * `return { redirect: { destination: x, permanent } }`, where they stand as statements. A call inside an
 * expression stays: getStaticProps then catches what it throws (navigation-errors.ts).
 */
function convertNavigation(m: EditedModule, statements: readonly N.Node[], replaced: Set<string>): void {
  for (const statement of statements) {
    walkWithAncestors(statement, (node, ancestors) => {
      if (node !== statement && FUNCTION.test(node.type)) return false;
      if (!isNavigationCall(node)) return undefined;
      const name = (node.callee as N.Identifier).name;
      const destination = node.arguments[0] ? m.text(node.arguments[0] as N.Node) : "'/'";
      const result = name === 'notFound' ? '{ notFound: true }' : `{ redirect: { destination: ${destination}, permanent: ${name === 'permanentRedirect'} } }`;
      const parent = ancestors[ancestors.length - 1];
      const grandparent = ancestors[ancestors.length - 2] as N.IfStatement | undefined;
      if (parent?.type === 'ExpressionStatement' && grandparent?.type === 'IfStatement' && grandparent.consequent === parent && !grandparent.alternate) {
        // `if (!post) notFound();` keeps its one line: `if (!post) return { notFound: true };`
        replaced.add(name);
        m.replace(parent, `return ${result};`);
      } else if (parent?.type === 'ExpressionStatement') {
        replaced.add(name);
        m.replace(parent, `return ${result};`);
      } else if (parent?.type === 'ReturnStatement') {
        replaced.add(name);
        m.replace(node, result);
      }
      return false;
    });
  }
}

/**
 * Splits the page component (see PageSplit): the loading statements leave its body, with their lines, and it
 * stops being async. Their text comes back moved out to the indent of a top-level function's body.
 */
export function splitPageComponent(m: EditedModule, component: FunctionNode): PageSplit | { marker: string } {
  const empty = { load: '', nestedLoad: '', props: [], replaced: new Set<string>() };
  if (component.body.type !== 'BlockStatement') {
    return containsAwait(component.body) ? { marker: 'an async expression-bodied page: move its data loading into getStaticProps by hand' } : empty;
  }
  const body = component.body.body as N.Node[];
  // Loading ends with the last await, or the last notFound()/redirect() that decides on what was loaded.
  let last = -1;
  body.forEach((statement, i) => {
    if (containsAwait(statement) || callsNavigation(statement)) last = i;
  });
  const load = body.slice(0, last + 1);
  const render = body.slice(last + 1);
  if (load.some(containsRenderReturn)) {
    return { marker: 'the page returns before it finishes loading its data: split it into getStaticProps by hand' };
  }
  const replaced = new Set<string>();
  convertNavigation(m, load, replaced);
  const declared = load.flatMap((statement) =>
    statement.type === 'VariableDeclaration' ? (statement as N.VariableDeclaration).declarations.flatMap((d) => boundNames((d as N.VariableDeclarator).id)) : [],
  );
  const used = referencedNames(render);
  const props = declared.filter((name) => used.has(name));
  let text = '';
  let nested = '';
  if (load.length > 0) {
    // The comments right above the first loading statement go with it; so do their lines, when the statements
    // have them to themselves (a one-line body keeps its braces and the rendering code beside them).
    const first = m.commentStart(load[0]!);
    const last = endOf(load[load.length - 1]!);
    const ownStart = m.source.slice(m.lineStart(first), first).trim() === '';
    const ownEnd = m.source.slice(last, m.lineEnd(last)).trim() === '';
    const start = ownStart ? m.lineStart(first) : first;
    const end = ownEnd ? Math.min(m.lineEnd(last) + 1, endOf(component.body) - 1) : last + (/^[ \t]*/.exec(m.source.slice(last))![0].length);
    text = rebase(m, start, end, m.indentAt(startOf(load[0]!)), m.deeper(''));
    nested = rebase(m, start, end, m.indentAt(startOf(load[0]!)), m.deeper(m.deeper('')));
    m.remove(start, end);
  }
  if (component.async) m.remove(startOf(component as N.Node), startOf(component as N.Node) + 'async'.length + 1);
  return { load: text.replace(/\s+$/, ''), nestedLoad: nested.replace(/\s+$/, ''), props, replaced };
}

/**
 * The current text of the whole lines `start`…`end`, each line's `from` indent made `to` (where a function body
 * one step in from the left edge has it). Left as it is when a template literal spans lines there: the spaces
 * of its lines are part of its value.
 */
function rebase(m: EditedModule, start: number, end: number, from: string, to: string): string {
  const text = m.edits.slice(start, end);
  if (from === to) return text;
  let literalLines = false;
  walk(m.ast.program, (node) => {
    if (literalLines || endOf(node) < start || startOf(node) > end) return false;
    if (node.type === 'TemplateLiteral' && m.text(node).includes('\n')) literalLines = true;
    return undefined;
  });
  if (literalLines) return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}
