import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';

const n = types.namedTypes;
const b = types.builders;

export const NOT_STATIC: unique symbol = Symbol('not static');

/** The value of a literal expression (strings, numbers, booleans, null, undefined, arrays, plain objects), or NOT_STATIC. */
export function staticValue(node: N.Node | null | undefined): unknown {
  if (!node) return NOT_STATIC;
  if (n.StringLiteral.check(node) || n.NumericLiteral.check(node) || n.BooleanLiteral.check(node)) return node.value;
  if (n.NullLiteral.check(node)) return null;
  if (n.Identifier.check(node) && node.name === 'undefined') return undefined;
  if (n.TemplateLiteral.check(node) && node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked).join('');
  if (n.UnaryExpression.check(node) && node.operator === '-' && n.NumericLiteral.check(node.argument)) return -node.argument.value;
  if (n.TSAsExpression.check(node) || n.TSSatisfiesExpression.check(node)) return staticValue(node.expression);
  if (n.ArrayExpression.check(node)) {
    const values: unknown[] = [];
    for (const element of node.elements) {
      const value = staticValue(element as N.Node);
      if (value === NOT_STATIC || n.SpreadElement.check(element)) return NOT_STATIC;
      values.push(value);
    }
    return values;
  }
  if (n.ObjectExpression.check(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (!n.ObjectProperty.check(property) || property.computed) return NOT_STATIC;
      const key = propertyKey(property);
      const value = staticValue(property.value);
      if (key === undefined || value === NOT_STATIC) return NOT_STATIC;
      object[key] = value;
    }
    return object;
  }
  return NOT_STATIC;
}

export function propertyKey(property: N.Node): string | undefined {
  const key = (property as { key?: N.Node; computed?: boolean }).key;
  if ((property as { computed?: boolean }).computed) return undefined;
  if (n.Identifier.check(key)) return key.name;
  if (n.StringLiteral.check(key)) return key.value;
  if (n.NumericLiteral.check(key)) return String(key.value);
  return undefined;
}

/** The property `name` of an object literal (not a spread, not computed). */
export function getProperty(object: N.ObjectExpression, name: string): N.ObjectProperty | undefined {
  for (const property of object.properties) {
    if (n.ObjectProperty.check(property) && propertyKey(property) === name) return property;
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JSON-like value as an expression, with identifier keys where they are valid identifiers. */
export function valueToNode(value: unknown): ExpressionKind {
  if (value === null) return b.nullLiteral();
  if (value === undefined) return b.identifier('undefined');
  if (typeof value === 'string') return b.stringLiteral(value);
  if (typeof value === 'number') return b.numericLiteral(value);
  if (typeof value === 'boolean') return b.booleanLiteral(value);
  if (Array.isArray(value)) return b.arrayExpression(value.map(valueToNode));
  const properties = Object.entries(value as Record<string, unknown>).map(([key, v]) =>
    b.objectProperty(IDENTIFIER.test(key) ? b.identifier(key) : b.stringLiteral(key), valueToNode(v)),
  );
  return b.objectExpression(properties);
}
