import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { FunctionNode } from './find-export.js';
import { walk } from './walk.js';

const n = types.namedTypes;

/**
 * The values a function returns: the argument of each of its own `return` statements (nested functions are
 * not looked into), or the body of an expression-bodied arrow.
 */
export interface ReturnSite {
  value: ExpressionKind;
  /** The `return` statement, or undefined for an arrow's expression body. */
  statement?: N.ReturnStatement;
}

export function returnSites(fn: FunctionNode): ReturnSite[] {
  if (!n.BlockStatement.check(fn.body)) return [{ value: (fn as N.ArrowFunctionExpression).body as ExpressionKind }];
  const sites: ReturnSite[] = [];
  walk(fn.body, (node) => {
    if (node !== fn.body && (n.Function.check(node) || n.ClassBody.check(node))) return false;
    if (!n.ReturnStatement.check(node) || !node.argument) return undefined;
    sites.push({ value: node.argument as ExpressionKind, statement: node });
    return false;
  });
  return sites;
}

/** Follows an identifier returned by a function to a `const`/`let` declared in that function's body. */
export function localDeclarator(fn: FunctionNode, name: string): N.VariableDeclarator | undefined {
  if (!n.BlockStatement.check(fn.body)) return undefined;
  let found: N.VariableDeclarator | undefined;
  walk(fn.body, (node) => {
    if (node !== fn.body && n.Function.check(node)) return false;
    if (n.VariableDeclarator.check(node) && n.Identifier.check(node.id) && node.id.name === name) found = node;
    return undefined;
  });
  return found;
}
