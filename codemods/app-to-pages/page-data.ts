import type { namedTypes as N } from 'ast-types';
import type { StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { FunctionNode } from '../_shared/find-export.js';
import { addMarker } from '../_shared/marker.js';
import { boundNames } from '../_shared/page-component.js';
import { expressionFrom, statementFrom, textOf } from '../_shared/snippet.js';

const n = types.namedTypes;
const b = types.builders;
const NAVIGATION = ['notFound', 'redirect', 'permanentRedirect'];

/**
 * An async app page component split in two: the statements up to its last `await` load data and become the
 * body of getStaticProps; the rest renders and stays in the (now synchronous) component, which receives as
 * props every name the loading part declared and the rendering part uses.
 */
export interface PageSplit {
  /** Statements for getStaticProps, `notFound()` / `redirect()` already turned into pages-router results. */
  load: StatementKind[];
  /** The names passed as props, in declaration order. */
  props: string[];
  /** Names of next/navigation functions no longer called. */
  replaced: Set<string>;
}

function containsAwait(node: N.Node): boolean {
  let found = false;
  types.visit(node, {
    visitFunction() {
      return false;
    },
    visitAwaitExpression() {
      found = true;
      return false;
    },
    visitForOfStatement(path) {
      if (path.node.await) found = true;
      this.traverse(path);
    },
  });
  return found;
}

/** A `return` other than `return notFound()` / `return redirect(…)`: it would return markup, not data. */
function containsRenderReturn(node: N.Node): boolean {
  let found = false;
  types.visit(node, {
    visitFunction() {
      return false;
    },
    visitReturnStatement(path) {
      const argument = path.node.argument;
      const navigation =
        n.CallExpression.check(argument) && n.Identifier.check(argument.callee) && NAVIGATION.includes(argument.callee.name);
      if (!navigation) found = true;
      return false;
    },
  });
  return found;
}

function callsNavigation(node: N.Node): boolean {
  let found = false;
  types.visit(node, {
    visitFunction() {
      return false;
    },
    visitCallExpression(path) {
      const callee = path.node.callee;
      if (n.Identifier.check(callee) && NAVIGATION.includes(callee.name)) found = true;
      this.traverse(path);
    },
  });
  return found;
}

function referencedNames(nodes: readonly N.Node[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    types.visit(node, {
      visitIdentifier(path) {
        const parent = path.parent?.node as N.Node | undefined;
        const isProperty =
          parent &&
          ((n.MemberExpression.check(parent) && parent.property === path.node && !parent.computed) ||
            (n.ObjectProperty.check(parent) && parent.key === path.node && !parent.computed && !parent.shorthand));
        if (!isProperty) names.add(path.node.name);
        return false;
      },
      visitJSXIdentifier(path) {
        names.add(path.node.name);
        return false;
      },
    });
  }
  return names;
}

/**
 * `notFound()` → `return { notFound: true }`; `redirect(x)` / `permanentRedirect(x)` →
 * `return { redirect: { destination: x, permanent } }`, where they stand as statements. Other uses are marked.
 */
function convertNavigation(statements: StatementKind[], source: string, replaced: Set<string>): void {
  const block = { type: 'BlockStatement', body: statements } as unknown as N.BlockStatement;
  types.visit(block, {
    visitFunction() {
      return false;
    },
    visitCallExpression(path) {
      const callee = path.node.callee;
      if (!n.Identifier.check(callee) || !NAVIGATION.includes(callee.name)) {
        this.traverse(path);
        return undefined;
      }
      const parent = path.parent?.node as N.Node;
      const result =
        callee.name === 'notFound'
          ? '{ notFound: true }'
          : `{ redirect: { destination: ${path.node.arguments[0] ? textOf(source, path.node.arguments[0]) : "'/'"}, permanent: ${callee.name === 'permanentRedirect'} } }`;
      const grandparent = path.parent?.parent?.node as N.Node | undefined;
      if (n.ExpressionStatement.check(parent) && n.IfStatement.check(grandparent) && grandparent.consequent === parent && !grandparent.alternate) {
        // `if (!post) notFound();` keeps its one line: `if (!post) return { notFound: true };`
        replaced.add(callee.name);
        path.parent.parent.replace(statementFrom(`if (${textOf(source, grandparent.test)}) return ${result};`));
      } else if (n.ExpressionStatement.check(parent)) {
        replaced.add(callee.name);
        path.parent.replace(b.returnStatement(expressionFrom(result)));
      } else if (n.ReturnStatement.check(parent)) {
        replaced.add(callee.name);
        path.replace(expressionFrom(result));
      } else {
        addMarker(path.node, `${callee.name}() inside an expression: return ${result} from getStaticProps instead`);
      }
      return false;
    },
  });
}

export function splitPageComponent(component: FunctionNode, source: string): PageSplit | { marker: string } {
  if (!n.BlockStatement.check(component.body)) {
    return containsAwait(component.body) ? { marker: 'an async expression-bodied page: move its data loading into getStaticProps by hand' } : { load: [], props: [], replaced: new Set() };
  }
  const body = component.body.body as StatementKind[];
  // Loading ends with the last await, or the last notFound()/redirect() that decides on what was loaded.
  let last = -1;
  body.forEach((statement, i) => {
    if (containsAwait(statement) || callsNavigation(statement)) last = i;
  });
  const load = body.slice(0, last + 1);
  const render = body.slice(last + 1);
  const replaced = new Set<string>();
  if (load.some(containsRenderReturn)) {
    return { marker: 'the page returns before it finishes loading its data: split it into getStaticProps by hand' };
  }
  convertNavigation(load, source, replaced);
  const declared = load.flatMap((statement) =>
    n.VariableDeclaration.check(statement) ? statement.declarations.flatMap((d) => boundNames((d as N.VariableDeclarator).id)) : [],
  );
  const used = referencedNames(render);
  const props = declared.filter((name) => used.has(name));
  component.body.body = render;
  component.async = false;
  return { load, props, replaced };
}
