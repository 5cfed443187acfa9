import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { Segment } from '../../src/model/types.js';

const n = types.namedTypes;

/**
 * A template-literal path (`/blog/${post.slug}`) into params by the route pattern, when every dynamic segment
 * is exactly one `${…}` filling a whole path part: { slug: post.slug }. Anything else (a catch-all, a part
 * mixing text and an expression, a static part that differs) gives undefined.
 */
export function paramsFromTemplatePath(template: N.TemplateLiteral, segments: readonly Segment[]): Map<string, ExpressionKind> | undefined {
  type Part = { text: string } | { expression: ExpressionKind };
  const parts: Part[][] = [[]];
  template.quasis.forEach((quasi, i) => {
    const pieces = (quasi.value.cooked ?? quasi.value.raw).split('/');
    pieces.forEach((piece, j) => {
      if (j > 0) parts.push([]);
      if (piece) parts[parts.length - 1]!.push({ text: piece });
    });
    const expression = template.expressions[i];
    if (expression) parts[parts.length - 1]!.push({ expression: expression as ExpressionKind });
  });
  if (parts[0]!.length !== 0) return undefined; // must start with '/'
  const pathParts = parts.slice(1);
  if (pathParts.length > 0 && pathParts[pathParts.length - 1]!.length === 0) pathParts.pop(); // trailing slash
  if (pathParts.length !== segments.length) return undefined;
  const params = new Map<string, ExpressionKind>();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = pathParts[i]!;
    if (part.length !== 1) return undefined;
    const only = part[0]!;
    if (segment.kind === 'static') {
      if (!('text' in only) || only.text !== segment.value) return undefined;
    } else if (segment.kind === 'dynamic' && 'expression' in only && !n.TemplateLiteral.check(only.expression)) {
      params.set(segment.name, only.expression);
    } else {
      return undefined;
    }
  }
  return params;
}
