import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { cascadeGenerators, isFirstCallArguments, readFlatCascade, usedOutside, type FlatCascade } from '../_shared/cascade-glue.js';
import type { EditedModule } from '../_shared/edited-module.js';
import { findLocalBinding, unwrapExpression, type FoundExport, type LocalBinding } from '../_shared/find-export.js';
import { renameBinding } from '../_shared/module-edits.js';
import { getProperty, propertyKey, staticValue } from '../_shared/literal.js';
import { returnSites } from '../_shared/returns.js';
import type { Fallback } from './static-paths.js';

const n = types.namedTypes;

/**
 * getStaticPaths as app-to-pages writes it for an app page: nothing but
 * `return { paths: (await generate()).map((params) => ({ params })), fallback }`, where `generate` is the
 * flattened layout cascade (`generateAllParams()`), a layout's imported generateStaticParams (the layout
 * owns every key), or the page's own generateStaticParams kept as a local function.
 */
export interface FlatStaticPaths {
  cascade: FlatCascade;
  /** The local function running the cascade, when there is one: it goes with getStaticPaths. */
  glue?: LocalBinding;
  fallback: Fallback;
}

export function readFlatStaticPaths(ast: N.File, found: FoundExport, file: string): FlatStaticPaths | undefined {
  const fn = found.local?.fn;
  if (found.form !== 'declaration' || !fn || fn.params.length > 0) return undefined;
  if (n.BlockStatement.check(fn.body) && fn.body.body.length !== 1) return undefined;
  const sites = returnSites(fn);
  const result = sites.length === 1 ? unwrapExpression(sites[0]!.value) : undefined;
  if (!n.ObjectExpression.check(result) || result.properties.length !== 2) return undefined;
  const paths = getProperty(result, 'paths');
  const fallback = getProperty(result, 'fallback');
  if (!paths || !fallback) return undefined;
  const call = wrappedCall(unwrapExpression(paths.value));
  if (!call) return undefined;
  const binding = findLocalBinding(ast, call.callee);
  if (!binding || usedOutside(ast, call.callee, [found.statement, binding.statement])) return undefined;

  let cascade: FlatCascade | undefined;
  let glue: LocalBinding | undefined;
  const generators = binding.importedFrom === undefined && binding.fn ? cascadeGenerators(binding.fn) : undefined;
  if (generators && call.args.length === 0) {
    cascade = readFlatCascade(ast, generators, file);
    glue = binding;
  }
  if (!cascade && isFirstCallArguments(call.args)) {
    glue = undefined;
    cascade = readFlatCascade(ast, [call.callee], file);
  }
  if (!cascade) return undefined;
  const value = staticValue(fallback.value);
  return { cascade, glue, fallback: value === false || value === true || value === 'blocking' ? value : 'unknown' };
}

/** `(await generate(args)).map((params) => ({ params }))`: each params object wrapped, nothing else done. */
function wrappedCall(node: N.Node | undefined): { callee: string; args: N.Node[] } | undefined {
  if (!n.CallExpression.check(node) || node.arguments.length !== 1) return undefined;
  const member = node.callee;
  if (!n.MemberExpression.check(member) || member.computed || !n.Identifier.check(member.property) || member.property.name !== 'map') return undefined;
  const awaited = unwrapExpression(member.object);
  const inner = n.AwaitExpression.check(awaited) ? unwrapExpression(awaited.argument) : undefined;
  if (!n.CallExpression.check(inner) || !n.Identifier.check(inner.callee)) return undefined;
  const mapper = unwrapExpression(node.arguments[0]);
  if (!n.ArrowFunctionExpression.check(mapper) || mapper.params.length !== 1 || !n.Identifier.check(mapper.params[0])) return undefined;
  const item = mapper.params[0].name;
  const wrapped = unwrapExpression(mapper.body);
  if (!n.ObjectExpression.check(wrapped) || wrapped.properties.length !== 1) return undefined;
  const property = wrapped.properties[0]!;
  const value = n.ObjectProperty.check(property) ? unwrapExpression(property.value) : undefined;
  if (propertyKey(property) !== 'params' || !n.Identifier.check(value) || value.name !== item) return undefined;
  return { callee: inner.callee.name, args: inner.arguments as N.Node[] };
}

/**
 * Renames a top-level binding out of the way of a generated export of the same name (getStaticPaths becomes
 * generateStaticParams while the page's own generateStaticParams still feeds it). For an import only the local
 * name changes.
 */
export function renameLocalAway(m: EditedModule, name: string, wanted: string): void {
  if (!findLocalBinding(m.ast, name)) return;
  let renamed = wanted;
  for (let i = 2; findLocalBinding(m.ast, renamed); i++) renamed = `${wanted}${i}`;
  renameBinding(m, name, renamed);
}
