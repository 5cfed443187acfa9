import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import type { StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import { readModule } from './ast.js';
import { startOf, type EditedModule } from './edited-module.js';
import { findExport, findLocalBinding, unwrapExpression, type FunctionNode } from './find-export.js';
import { removeLocalBinding } from './module-edits.js';
import { boundNames } from './page-component.js';
import { referencedNames, walk } from './walk.js';

const n = types.namedTypes;

/**
 * A Next.js generateStaticParams cascade that app-to-zfb (`paths()`) or app-to-pages (`generateAllParams()`)
 * flattened into one function, read back from the code those transforms emit: which layout's
 * generateStaticParams runs first, and which function is the page's own. The glue is recognised by what it
 * does (a loop over a list of generators that calls each with `{ params }` and merges child keys over parent
 * ones, touching nothing outside itself), so renamed locals, other comments or other type annotations do not
 * hide it, while glue someone edited (a filter calling a helper, props added) is left alone.
 */
export interface FlatCascade {
  /** The layouts' generateStaticParams the glue calls, top first. */
  layouts: CascadeLayout[];
  /** The page's own generateStaticParams: the module's top-level function the glue calls last. */
  own?: string;
}

export interface CascadeLayout {
  /** The local name the module imports the layout's generateStaticParams under. */
  local: string;
  declaration: N.ImportDeclaration;
  /** The module the import names, project-relative, as written (usually without extension). */
  module: string;
}

/** The identifiers generated glue may read besides its generators and its own locals. */
const GLUE_GLOBALS = new Set(['JSON', 'Set', 'Map', 'Object', 'Array', 'String', 'Promise', 'undefined']);

/**
 * The generators a flattened-cascade function calls, in order, or undefined when `fn` is not such glue:
 * either a loop over a list of generators (`for (const generate of [a, b])`) that calls each with
 * `{ params }` and spreads the child's keys over the parent's, or, for a single generator, a first statement
 * `const sets = await a(…)` whose sets a later loop goes through. Either way the function takes no argument and reads nothing but its generators.
 */
export function cascadeGenerators(fn: FunctionNode): string[] | undefined {
  if (fn.params.length > 0 || !n.BlockStatement.check(fn.body)) return undefined;
  const body = fn.body.body;
  const generators = loopedGenerators(body) ?? singleGenerator(body);
  if (!generators) return undefined;
  const allowed = new Set([...generators, ...GLUE_GLOBALS]);
  for (const name of freeNames(fn)) if (!allowed.has(name)) return undefined;
  return generators;
}

/** `const list = [a, b, c]` … `for (const generate of list) { … generate({ params: … }) … }` … `{ ...parent, ...child }`. */
function loopedGenerators(body: StatementKind[]): string[] | undefined {
  for (const statement of body) {
    if (!n.VariableDeclaration.check(statement) || statement.declarations.length !== 1) continue;
    const declarator = statement.declarations[0];
    if (!n.VariableDeclarator.check(declarator) || !n.Identifier.check(declarator.id)) continue;
    const list = unwrapExpression(declarator.init);
    if (!n.ArrayExpression.check(list) || list.elements.length === 0 || !list.elements.every((e) => n.Identifier.check(e))) continue;
    const listName = declarator.id.name;
    const loop = body.find(
      (s): s is N.ForOfStatement => n.ForOfStatement.check(s) && n.Identifier.check(s.right) && s.right.name === listName,
    );
    const variable = loop && n.VariableDeclaration.check(loop.left) ? loop.left.declarations[0] : undefined;
    if (!loop || !n.VariableDeclarator.check(variable) || !n.Identifier.check(variable.id)) continue;
    if (!callsWithParams(loop.body, variable.id.name) || !mergesChildOverParent(loop.body)) continue;
    return list.elements.map((e) => (e as N.Identifier).name);
  }
  return undefined;
}

/** `const sets = await generate(…)` as the first statement: one generator, called once with `{ params: {} }` (or nothing). */
function singleGenerator(body: StatementKind[]): string[] | undefined {
  const first = body[0];
  if (!n.VariableDeclaration.check(first) || first.declarations.length !== 1) return undefined;
  const declarator = first.declarations[0];
  const awaited = n.VariableDeclarator.check(declarator) ? unwrapExpression(declarator.init) : undefined;
  const call = n.AwaitExpression.check(awaited) ? unwrapExpression(awaited.argument) : undefined;
  if (!n.CallExpression.check(call) || !n.Identifier.check(call.callee) || !isFirstCallArguments(call.arguments)) return undefined;
  // The params sets are then checked one by one, as Next checks them.
  const sets = (declarator as N.VariableDeclarator).id;
  const loops = body.some((s) => n.ForOfStatement.check(s) && n.Identifier.check(s.right) && n.Identifier.check(sets) && s.right.name === sets.name);
  return loops ? [call.callee.name] : undefined;
}

/** The arguments Next passes the top generator of a cascade: `{ params: {} }`, or none for a function that takes none. */
export function isFirstCallArguments(args: readonly N.Node[]): boolean {
  if (args.length === 0) return true;
  if (args.length !== 1) return false;
  const argument = unwrapExpression(args[0]);
  if (!n.ObjectExpression.check(argument) || argument.properties.length !== 1) return false;
  const property = argument.properties[0];
  const value = n.ObjectProperty.check(property) ? unwrapExpression(property.value) : undefined;
  return n.ObjectProperty.check(property) && keyName(property) === 'params' && n.ObjectExpression.check(value) && value.properties.length === 0;
}

function keyName(property: N.ObjectProperty): string | undefined {
  if (property.computed) return undefined;
  if (n.Identifier.check(property.key)) return property.key.name;
  if (n.StringLiteral.check(property.key)) return property.key.value;
  return undefined;
}

function callsWithParams(root: N.Node, callee: string): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (!n.CallExpression.check(node) || !n.Identifier.check(node.callee) || node.callee.name !== callee) return;
    const argument = unwrapExpression(node.arguments[0]);
    if (n.ObjectExpression.check(argument) && argument.properties.some((p) => n.ObjectProperty.check(p) && keyName(p) === 'params')) found = true;
  });
  return found;
}

/** `{ ...parent, ...child }`: the child's keys override its parent's, as Next merges them. */
function mergesChildOverParent(root: N.Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (n.ObjectExpression.check(node) && node.properties.length === 2 && node.properties.every((p) => n.SpreadElement.check(p))) found = true;
  });
  return found;
}

const TS_EXPRESSIONS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

/** Identifiers `fn` reads that it does not declare itself; type annotations are not code and are skipped. */
function freeNames(fn: FunctionNode): Set<string> {
  const declared = new Set<string>();
  const read = new Set<string>();
  walk(fn, (node, parent, key) => {
    if (key === 'typeAnnotation' || key === 'typeParameters' || key === 'typeArguments' || key === 'returnType') return false;
    if (node.type.startsWith('TS') && !TS_EXPRESSIONS.has(node.type)) return false;
    if (n.Function.check(node)) {
      for (const param of node.params) boundNames(param).forEach((name) => declared.add(name));
      if (node.id) declared.add(String(node.id.name));
      return;
    }
    if (n.VariableDeclarator.check(node)) {
      boundNames(node.id).forEach((name) => declared.add(name));
      return;
    }
    if (n.CatchClause.check(node)) {
      boundNames(node.param).forEach((name) => declared.add(name));
      return;
    }
    if (!n.Identifier.check(node) || !parent) return;
    const p = parent as unknown as { computed?: boolean; shorthand?: boolean };
    if ((n.MemberExpression.check(parent) || n.OptionalMemberExpression.check(parent)) && key === 'property' && !p.computed) return;
    if (n.ObjectProperty.check(parent) && key === 'key' && !p.computed && !p.shorthand) return;
    if ((n.Function.check(parent) && key !== 'body') || (n.VariableDeclarator.check(parent) && key === 'id')) return;
    read.add(node.name);
  });
  for (const name of declared) read.delete(name);
  return read;
}

/**
 * The generators of a flattened cascade, sorted into the layouts' imported functions and the page's own.
 * `file` is the module's project-relative path (relative imports are read from there). Undefined unless every
 * generator but the last is `generateStaticParams` imported from an `app/**\/layout` module and the last, when
 * it is no layout, is a function of this module; with no layout at all, that function must be the page's
 * own `generateStaticParams`, kept local under its app-router name.
 */
export function readFlatCascade(ast: N.File, generators: readonly string[], file: string): FlatCascade | undefined {
  const cascade: FlatCascade = { layouts: [] };
  for (const [index, name] of generators.entries()) {
    const binding = findLocalBinding(ast, name);
    if (!binding) return undefined;
    const layout = binding.importedFrom !== undefined ? layoutImport(binding.statement as N.ImportDeclaration, name, file) : undefined;
    if (layout) {
      cascade.layouts.push(layout);
      continue;
    }
    if (index !== generators.length - 1 || binding.importedFrom !== undefined || !binding.fn) return undefined;
    cascade.own = name;
  }
  if (cascade.layouts.length > 0) return cascade;
  // No layout: the page's own function, under its app-router name, is all the glue runs.
  return cascade.own === 'generateStaticParams' ? cascade : undefined;
}

const LAYOUT_MODULE = /^(?:src\/)?app\/(?:.*\/)?layout(?:\.(?:tsx|ts|jsx|js|mjs))?$/;

function layoutImport(declaration: N.ImportDeclaration, local: string, file: string): CascadeLayout | undefined {
  if (declaration.importKind === 'type') return undefined;
  const specifier = (declaration.specifiers ?? []).find((s) => s.local?.name === local);
  if (!n.ImportSpecifier.check(specifier) || (specifier as { importKind?: string }).importKind === 'type') return undefined;
  if (String(specifier.imported.name) !== 'generateStaticParams') return undefined;
  const source = String(declaration.source.value);
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const module = posix.join(posix.dirname(file), source);
  return LAYOUT_MODULE.test(module) ? { local, declaration, module } : undefined;
}

const MODULE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs'];

/**
 * Why the layouts of `cascade` cannot take their part of the cascade back for the app page at `pagePath`, or
 * undefined when they can: each must exist (read through `readFile`), export generateStaticParams, sit in a
 * folder at or above the page's, and appear in the order Next runs them (top down).
 */
export function layoutsProblem(cascade: FlatCascade, pagePath: string, readFile: (path: string) => string | undefined): string | undefined {
  const pageDir = posix.dirname(pagePath);
  let previous: { file: string; dir: string } | undefined;
  for (const layout of cascade.layouts) {
    const candidates = /\.(?:tsx|ts|jsx|js|mjs)$/.test(layout.module) ? [layout.module] : MODULE_EXTENSIONS.map((ext) => layout.module + ext);
    const file = candidates.find((candidate) => readFile(candidate) !== undefined);
    if (!file) return `${layout.module} (imported as ${layout.local}) does not exist`;
    let exported: ReturnType<typeof findExport>;
    try {
      exported = findExport(readModule(readFile(file)!, file), 'generateStaticParams');
    } catch {
      return `${file} does not parse`;
    }
    if (!exported || exported.typeOnly) return `${file} does not export generateStaticParams`;
    const dir = posix.dirname(file);
    if (pageDir !== dir && !pageDir.startsWith(`${dir}/`)) return `${file} is not a layout above ${pagePath}, so Next would not run it for this page`;
    if (previous && !dir.startsWith(`${previous.dir}/`)) return `the cascade runs ${previous.file} before ${file}, not top down as Next runs layouts`;
    previous = { file, dir };
  }
  return undefined;
}

/** The marker text for a cascade that has to stay flattened in an app page. */
export function keptFlatReason(problem: string, cascade: FlatCascade): string {
  const then = cascade.own ? "keep only the page's own function here" : 'remove it: the layouts give every key';
  return `this generateStaticParams still runs the layouts' cascade itself because ${problem}; Next already runs the generateStaticParams of the layouts above a page, so once those layouts export theirs, ${then}`;
}

/** Drops the layout imports of `cascade` that nothing left in the module uses. */
export function dropLayoutImports(m: EditedModule, cascade: FlatCascade): void {
  const used = m.usedNames();
  for (const layout of cascade.layouts) {
    const binding = findLocalBinding(m.ast, layout.local);
    if (binding && !used.has(layout.local)) removeLocalBinding(m, binding);
  }
}

/** Whether a top-level statement other than `skipped` (and the imports) refers to `name`. */
export function usedOutside(ast: N.File, name: string, skipped: readonly N.Node[]): boolean {
  return ast.program.body.some((statement) => !skipped.includes(statement) && !n.ImportDeclaration.check(statement) && referencedNames(statement).has(name));
}

/**
 * Makes the page's own function the module's `generateStaticParams` export: `function generateStaticParams`
 * gets its `export` back (comments stay on top); any other name is exported under that one. Returns the
 * statement holding the function.
 */
export function exportOwnParams(m: EditedModule, own: string): N.Node {
  const binding = findLocalBinding(m.ast, own)!;
  const statement = binding.statement as N.Node;
  const single = !n.VariableDeclaration.check(statement) || statement.declarations.length === 1;
  if (own === 'generateStaticParams' && single && (n.FunctionDeclaration.check(statement) || n.VariableDeclaration.check(statement))) {
    m.insert(startOf(statement), 'export ');
    return statement;
  }
  m.insertAfter(statement, `export { ${own} as generateStaticParams };`);
  return statement;
}
