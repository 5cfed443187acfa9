import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { FunctionNode } from './find-export.js';
import { walk } from './walk.js';

const n = types.namedTypes;
const b = types.builders;

/**
 * The values a function returns: the argument of each of its own `return` statements (nested functions are
 * not looked into), or the body of an expression-bodied arrow. `replace` swaps that value in place.
 */
export interface ReturnSite {
  value: ExpressionKind;
  /** The `return` statement, or undefined for an arrow's expression body. */
  statement?: N.ReturnStatement;
  replace(value: ExpressionKind): void;
  /** Replaces the whole `return` with a statement (an arrow body becomes a block first). */
  replaceStatement(statement: StatementKind): void;
}

export function returnSites(fn: FunctionNode): ReturnSite[] {
  if (!n.BlockStatement.check(fn.body)) {
    const arrow = fn as N.ArrowFunctionExpression;
    return [
      {
        value: arrow.body as ExpressionKind,
        replace(value) {
          arrow.body = value;
        },
        replaceStatement(statement) {
          arrow.body = b.blockStatement([statement]);
        },
      },
    ];
  }
  const sites: ReturnSite[] = [];
  walk(fn.body, (node, parent, key) => {
    if (node !== fn.body && (n.Function.check(node) || n.ClassBody.check(node))) return false;
    if (!n.ReturnStatement.check(node) || !node.argument) return;
    const statement = node;
    sites.push({
      value: statement.argument as ExpressionKind,
      statement,
      replace(value) {
        statement.argument = value;
      },
      replaceStatement(replacement) {
        const holder = parent as unknown as Record<string, unknown>;
        const slot = holder[key];
        if (Array.isArray(slot)) slot[slot.indexOf(statement)] = replacement;
        else holder[key] = replacement;
      },
    });
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
