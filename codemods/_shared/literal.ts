import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';

const n = types.namedTypes;

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
