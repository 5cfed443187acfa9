import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { Segment } from '../../src/model/types.js';
import { endOf, type EditedModule } from '../_shared/edited-module.js';
import { unwrapExpression, type FunctionNode } from '../_shared/find-export.js';
import { getProperty, NOT_STATIC, propertyKey, staticValue, valueToCode } from '../_shared/literal.js';
import { localDeclarator, returnSites } from '../_shared/returns.js';
import { paramsFromStringPath } from '../_shared/string-path.js';
import { paramsFromTemplatePath } from '../_shared/template-path.js';
import type { TransformInput } from '../_shared/types.js';

const n = types.namedTypes;

export type Fallback = false | true | 'blocking' | 'unknown';

/**
 * Rewrites the body of a getStaticPaths function so it returns what generateStaticParams must return: the
 * params objects themselves (`[{ slug: 'a' }]`), never the pages shape `{ paths: [{ params }] }`.
 * The code that computes the paths (fetches, loops, helpers) is kept; only the entries it produces are
 * unwrapped, where the source shows them. Returns the `fallback` value the function declared.
 */
export function convertStaticPaths(
  m: EditedModule,
  fn: FunctionNode,
  segments: readonly Segment[],
  i18n: TransformInput['i18n'],
  localeKey: string | undefined,
): Fallback {
  const fallbacks = new Set<unknown>();
  const context = { m, segments, i18n, localeKey, fn };
  for (const site of returnSites(fn)) {
    const value = unwrapExpression(site.value);
    if (!n.ObjectExpression.check(value) || !getProperty(value, 'paths')) {
      m.marker(site.statement ?? site.value, 'getStaticPaths returns a value that is not a { paths, fallback } literal: unwrap each entry\'s params by hand and set dynamicParams for its fallback');
      fallbacks.add('unknown');
      continue;
    }
    const fallback = getProperty(value, 'fallback');
    const fallbackValue = fallback ? staticValue(fallback.value) : NOT_STATIC;
    fallbacks.add(fallbackValue === false || fallbackValue === true || fallbackValue === 'blocking' ? fallbackValue : 'unknown');
    const extra = value.properties.filter((p) => !['paths', 'fallback'].includes(propertyKey(p) ?? ''));
    const paths = getProperty(value, 'paths')!.value as ExpressionKind;
    convertPaths(paths, context, site.statement);
    m.unwrap(site.value, paths);
    if (extra.length > 0) {
      m.marker(site.statement ?? site.value, `getStaticPaths also returned ${extra.map((p) => propertyKey(p) ?? '…').join(', ')}, which generateStaticParams has no place for`);
    }
  }
  if (fallbacks.size !== 1) return 'unknown';
  return [...fallbacks][0] as Fallback;
}

interface Context {
  m: EditedModule;
  segments: readonly Segment[];
  i18n: TransformInput['i18n'];
  localeKey: string | undefined;
  fn: FunctionNode;
}

/**
 * The params of a getStaticPaths entry `entry` that is only known at run time, as code. Under app/[locale]/ its
 * locale joins them: Next built an entry without a locale for the default locale.
 */
export function entryParamsCode(i18n: TransformInput['i18n'], localeKey: string | undefined): string {
  return i18n && localeKey ? `({ ...entry.params, ${localeKey}: entry.locale || ${valueToCode(i18n.defaultLocale)} })` : 'entry.params';
}

/**
 * Rewrites a `paths` expression in place into an expression of params objects. A marker goes above
 * `statement` when given (the `return` whose value this is), else inline before the expression.
 */
function convertPaths(expression: ExpressionKind, context: Context, statement?: N.Node): void {
  const { m } = context;
  const inner = unwrapExpression(expression) as ExpressionKind;
  if (n.ArrayExpression.check(inner)) {
    for (const element of inner.elements) {
      if (n.SpreadElement.check(element)) convertPaths(element.argument, context);
      else if (element) convertEntry(element as ExpressionKind, context);
    }
    return;
  }
  if (n.CallExpression.check(inner) && n.MemberExpression.check(inner.callee) && n.Identifier.check(inner.callee.property)) {
    const method = inner.callee.property.name;
    const callback = unwrapExpression(inner.arguments[0] as ExpressionKind);
    if ((method === 'map' || method === 'flatMap') && (n.ArrowFunctionExpression.check(callback) || n.FunctionExpression.check(callback))) {
      for (const site of returnSites(callback)) {
        if (method === 'map') convertEntry(site.value, context, !site.statement);
        else convertPaths(site.value, context);
      }
      return;
    }
    if (method === 'concat') {
      convertPaths(inner.callee.object as ExpressionKind, context);
      for (const argument of inner.arguments) if (!n.SpreadElement.check(argument)) convertPaths(argument as ExpressionKind, context);
      return;
    }
  }
  if (n.Identifier.check(inner) && convertLocalArray(inner.name, context)) return;
  // Unknown at this point: the entries are computed elsewhere. Unwrap them at run time.
  const text = m.text(expression);
  const receiver = /^[\w$.]+$/.test(text) ? text : `(${text})`;
  const kept = context.localeKey ? 'a { params, locale? } object (string paths are not converted)' : 'a { params } object (string paths and locales are not converted)';
  m.replace(expression, `${receiver}.map((entry) => ${entryParamsCode(context.i18n, context.localeKey)})`);
  m.marker(statement ?? expression, `paths are computed elsewhere: each entry is assumed to be ${kept}`);
}

/** `const paths = []` (or a convertible initial value) filled by `paths.push(entry)` in the function body. */
function convertLocalArray(name: string, context: Context): boolean {
  const declarator = localDeclarator(context.fn, name);
  if (!declarator) return false;
  const pushes: N.CallExpression[] = [];
  let otherUse = false;
  types.visit(context.fn.body, {
    visitIdentifier(path) {
      if (path.node.name !== name) return false;
      const parent = path.parent?.node as N.Node;
      if (parent === declarator) return false;
      if (n.ObjectProperty.check(parent) && parent.key === path.node && !parent.shorthand) return false;
      if (n.MemberExpression.check(parent) && parent.object === path.node && n.Identifier.check(parent.property)) {
        const call = path.parent?.parent?.node as N.Node;
        if (parent.property.name === 'push' && n.CallExpression.check(call) && call.callee === parent) {
          pushes.push(call);
          return false;
        }
        if (parent.property.name === 'length') return false;
      }
      if (n.ReturnStatement.check(parent) || n.ObjectProperty.check(parent)) return false;
      otherUse = true;
      return false;
    },
  });
  if (otherUse) return false;
  retypeLocalArray(declarator, context.m);
  if (declarator.init) convertPaths(declarator.init as ExpressionKind, context);
  for (const call of pushes) {
    for (const argument of call.arguments) if (!n.SpreadElement.check(argument)) convertEntry(argument as ExpressionKind, context);
  }
  return true;
}

/**
 * `const paths: { params: P }[] = []` → `const paths: P[] = []`; a pages-router type such as
 * `GetStaticPathsResult['paths']` becomes a plain params list.
 */
function retypeLocalArray(declarator: N.VariableDeclarator, m: EditedModule): void {
  const id = declarator.id as N.Identifier;
  const annotation = (id.typeAnnotation as N.TSTypeAnnotation | null | undefined)?.typeAnnotation;
  if (!annotation) return;
  const element = n.TSArrayType.check(annotation)
    ? annotation.elementType
    : n.TSTypeReference.check(annotation) && n.Identifier.check(annotation.typeName) && annotation.typeName.name === 'Array'
      ? annotation.typeParameters?.params[0]
      : undefined;
  const params = n.TSTypeLiteral.check(element)
    ? element.members.find((m) => n.TSPropertySignature.check(m) && n.Identifier.check(m.key) && m.key.name === 'params')
    : undefined;
  let replacement: string | undefined;
  if (params && n.TSPropertySignature.check(params) && params.typeAnnotation) {
    replacement = `${m.text(params.typeAnnotation.typeAnnotation as N.Node)}[]`;
  } else if (/GetStaticPaths/.test(m.text(annotation))) {
    replacement = 'Record<string, string | string[]>[]';
  }
  if (replacement) m.replace(annotation, replacement);
}

function optionalCatchAllNames(segments: readonly Segment[]): Set<string> {
  return new Set(segments.flatMap((s) => (s.kind === 'optional-catchall' ? [s.name] : [])));
}

/** `{ slug: 'a' }` with the locale key added, from the params' current text. */
function withLocale(params: ExpressionKind | undefined, text: string, locale: string, key: string): string {
  if (!params || (n.ObjectExpression.check(params) && params.properties.length === 0)) return `{ ${key}: ${locale} }`;
  if (n.ObjectExpression.check(params) && text.endsWith('}')) return `${text.slice(0, -1).replace(/[\s,]*$/, '')}, ${key}: ${locale} }`;
  return `{ ...${text}, ${key}: ${locale} }`;
}

/**
 * Rewrites one pages entry (`{ params, locale }` or a string path) in place into one params object. An arrow's
 * expression body (`arrowBody`) that becomes an object literal gets the parentheses it then needs.
 */
function convertEntry(entry: ExpressionKind, context: Context, arrowBody = false): void {
  const { m, segments, i18n, localeKey } = context;
  const bare = arrowBody && !(entry as { extra?: { parenthesized?: boolean } }).extra?.parenthesized;
  const object = (code: string): string => (bare ? `(${code})` : code);
  const inner = unwrapExpression(entry) as ExpressionKind;
  if (n.StringLiteral.check(inner) || (n.TemplateLiteral.check(inner) && inner.expressions.length === 0)) {
    const text = staticValue(inner) as string;
    const found = paramsFromStringPath(text, segments, i18n);
    if (!found) {
      m.marker(inner, `the path ${JSON.stringify(text)} does not match the page's pattern; Next.js rejects it`);
      return;
    }
    const params: Record<string, unknown> = { ...found.params };
    for (const name of optionalCatchAllNames(segments)) params[name] ??= [];
    if (found.locale !== undefined && localeKey) params[localeKey] = found.locale;
    m.replace(entry, object(valueToCode(params)));
    return;
  }
  if (n.TemplateLiteral.check(inner)) {
    const found = paramsFromTemplatePath(inner, segments);
    if (found && !i18n) {
      m.replace(entry, object(`{ ${[...found].map(([key, value]) => `${key}: ${m.text(value)}`).join(', ')} }`));
      return;
    }
    m.marker(inner, 'a computed string path: turn it into a params object by hand');
    return;
  }
  if (n.ObjectExpression.check(inner)) {
    const paramsProperty = getProperty(inner, 'params');
    const localeProperty = getProperty(inner, 'locale');
    const params = paramsProperty?.value as ExpressionKind | undefined;
    if (n.ObjectExpression.check(params)) {
      const optional = optionalCatchAllNames(segments);
      for (const property of params.properties) {
        if (!n.ObjectProperty.check(property)) continue;
        const key = propertyKey(property);
        // Next reads a present null/false/undefined optional catch-all as []; write the [] it means.
        if (key && optional.has(key) && [null, false, undefined].includes(staticValue(property.value) as never)) {
          if (property.shorthand) m.insert(endOf(property), ': []');
          else m.replace(property.value, '[]');
        }
      }
    }
    if (localeKey && i18n) {
      const locale = localeProperty ? m.text(localeProperty.value) : valueToCode(i18n.defaultLocale);
      const text = params ? m.current(params) : '';
      m.rewrite(entry, () => object(withLocale(params, text, locale, localeKey)));
      return;
    }
    if (localeProperty) {
      const value = staticValue(localeProperty.value);
      m.marker(params ?? inner, `locale ${JSON.stringify(value === NOT_STATIC ? '…' : value)} dropped: the app router has no i18n config; move the page under a [locale] segment`);
    }
    if (params) m.unwrap(entry, params);
    else m.replace(entry, object('{}'));
    return;
  }
  const text = m.text(entry);
  m.replace(entry, `${/^[\w$.]+$/.test(text) ? text : `(${text})`}.params`);
  m.marker(entry, 'an entry computed elsewhere: assumed to be a { params } object');
}
