import type { namedTypes as N } from 'ast-types';
import type { PatternKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import { findExport, type FunctionNode } from './find-export.js';

const n = types.namedTypes;

/** The default-exported page component when it is a function this module defines. */
export function findPageComponent(ast: N.File): FunctionNode | undefined {
  return findExport(ast, 'default')?.local?.fn;
}

/** The names a binding pattern introduces (`{ post, meta: { title } }` → post, title). */
export function boundNames(pattern: PatternKind | N.Node | null | undefined): string[] {
  if (!pattern) return [];
  if (n.Identifier.check(pattern)) return [pattern.name];
  if (n.ObjectPattern.check(pattern)) {
    return pattern.properties.flatMap((p) =>
      n.RestElement.check(p) ? boundNames(p.argument) : boundNames((p as { value: N.Node }).value),
    );
  }
  if (n.ArrayPattern.check(pattern)) return pattern.elements.flatMap((e) => boundNames(e));
  if (n.AssignmentPattern.check(pattern)) return boundNames(pattern.left);
  if (n.RestElement.check(pattern)) return boundNames(pattern.argument);
  return [];
}
