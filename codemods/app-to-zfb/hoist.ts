import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import type { NodePath } from 'ast-types/lib/node-path';
import { types } from 'recast';
import { readModule } from '../_shared/ast.js';
import { endOf, startOf, type EditedModule } from '../_shared/edited-module.js';
import { findExport, findLocalBinding, unwrapExpression, type FunctionNode } from '../_shared/find-export.js';
import { boundNames } from '../_shared/page-component.js';
import { resolveModule } from '../_shared/relative-imports.js';
import { TextEdits } from '../_shared/text-edits.js';
import { referencedNames, walk, walkWithAncestors } from '../_shared/walk.js';
import { jsxNamesUsed } from '../_shared/zfb-next-data.js';
import { notHoistedMarker } from './marker-texts.js';

const n = types.namedTypes;

/**
 * zfb awaits only the page function: a nested async server component renders nothing under preact and fails
 * under react (real builds: test/codemod/zfb-semantic.test.ts). The common safe shape is hoisted: a component defined in this
 * module, rendered once in the JSX the page returns (not inside a callback, a condition or another
 * component's props), whose top-level awaits read only its props and module-level bindings. Each such await
 * moves into the (now async) page function right before that return, its result is passed down as a prop, and
 * the component becomes synchronous. The same fetches run, with the same arguments, exactly when Next ran
 * them: whenever the page returned that JSX. Every other async component is marked with the rule that
 * stopped the hoist.
 */
export function hoistNestedAsyncComponents(
  m: EditedModule,
  file: string,
  moved: (specifier: string) => string,
  readFile: (path: string) => string | undefined,
): void {
  const ast = m.ast;
  const used = jsxNamesUsed(ast);
  const page = findExport(ast, 'default')?.local?.fn;
  // The code hoisted above each return of the page (or into its expression body), component by component.
  const hoisted = new Map<N.ReturnStatement | 'body', string[][]>();
  for (const component of localAsyncComponents(ast, used, page)) {
    const plan = page ? planHoist(ast, component, page) : 'the default export is not a page function defined in this module';
    if (typeof plan === 'string') m.marker(component.statement, notHoistedMarker(component.name, plan));
    else hoisted.set(plan.at, [...(hoisted.get(plan.at) ?? []), applyHoist(m, component, page!, plan)]);
  }
  for (const [at, groups] of hoisted) {
    if (at === 'body') {
      // Each component's code goes on top of what is there, as the last one hoisted came first.
      m.prepend(page as N.Node & { body: N.Node }, [...groups].reverse().flat().join('\n'));
    } else {
      const indent = m.indentAt(startOf(at));
      m.insert(startOf(at), groups.flat().map((line) => `${line}\n${indent}`).join(''));
    }
  }
  // The page awaits what it hoisted.
  if (hoisted.size > 0 && !page!.async) m.insert(startOf(page! as N.Node), 'async ');
  markImportedAsyncComponents(m, used, file, moved, readFile);
}


interface Component {
  name: string;
  fn: FunctionNode;
  statement: N.Node;
  exported: boolean;
}

function localAsyncComponents(ast: N.File, used: Set<string>, page: FunctionNode | undefined): Component[] {
  const found: Component[] = [];
  for (const statement of ast.program.body) {
    const exported = n.ExportNamedDeclaration.check(statement);
    const declaration = exported && statement.declaration ? statement.declaration : statement;
    const candidates: { name: string; fn: N.Node | undefined }[] = [];
    if (n.FunctionDeclaration.check(declaration) && declaration.id) candidates.push({ name: String(declaration.id.name), fn: declaration });
    if (n.VariableDeclaration.check(declaration)) {
      for (const d of declaration.declarations) {
        if (n.VariableDeclarator.check(d) && n.Identifier.check(d.id)) candidates.push({ name: d.id.name, fn: unwrapExpression(d.init ?? undefined) });
      }
    }
    for (const { name, fn } of candidates) {
      const isFunction = n.FunctionDeclaration.check(fn) || n.FunctionExpression.check(fn) || n.ArrowFunctionExpression.check(fn);
      if (!isFunction || !fn.async || fn === page || !used.has(name)) continue;
      found.push({ name, fn, statement, exported: exported || isExportedByName(ast, name) });
    }
  }
  return found;
}

function isExportedByName(ast: N.File, name: string): boolean {
  return ast.program.body.some(
    (s) =>
      (n.ExportNamedDeclaration.check(s) && !s.source && (s.specifiers ?? []).some((x) => n.ExportSpecifier.check(x) && (x.local ?? x.exported).name === name)) ||
      (n.ExportDefaultDeclaration.check(s) && n.Identifier.check(s.declaration) && s.declaration.name === name),
  );
}

/** How the component reads its props: a destructuring pattern (binding → key), an identifier, or nothing. */
type Props =
  | { kind: 'none' }
  | { kind: 'pattern'; pattern: N.ObjectPattern; keys: Map<string, { key: string; fallback?: N.Node }> }
  | { kind: 'object'; name: string; node: N.Identifier };

interface Await {
  node: N.AwaitExpression;
  /** The top-level statement of the component body holding it. */
  statement: N.Node;
  /** `const x = await f();`: the statement is replaced by the prop `x`. */
  binding?: N.Identifier;
  annotation?: N.Node;
  /** `await f();` on its own: it moves to the page as it is. */
  bare: boolean;
}

interface Plan {
  element: N.JSXElement;
  /** The page's `return` to hoist above, or 'body' for an arrow page's expression body. */
  at: N.ReturnStatement | 'body';
  props: Props;
  awaits: Await[];
}

/** Why the component cannot be hoisted (a rule, as text), or what the hoist needs. */
function planHoist(ast: N.File, component: Component, page: FunctionNode): Plan | string {
  if (component.exported) return 'it is exported, so other modules may render it as it is';
  const uses = usesOf(ast, component);
  if (uses.values > 0) return `\`${component.name}\` is also used as a value, not only rendered as <${component.name} />`;
  if (uses.elements.length !== 1) return `it is rendered ${uses.elements.length} times; the hoist handles one use`;
  const [use] = uses.elements;
  const placed = placement(use!, page);
  if ('rule' in placed) return placed.rule;
  const element = use!.node;
  const children = element.children ?? [];
  if (children.some((c) => !(n.JSXText.check(c) && c.value.trim() === ''))) return 'it is given children';
  for (const attribute of element.openingElement.attributes ?? []) {
    if (n.JSXSpreadAttribute.check(attribute)) return 'its props are spread ({...}), so which values its data reads is unknown here';
    const value = attribute.value;
    if (n.JSXExpressionContainer.check(value) && !isPlainValue(value.expression)) {
      return `its prop \`${String(attribute.name.name)}\` is computed by an expression the hoist would evaluate earlier (it moves only names, member reads and literals)`;
    }
  }
  const props = propsOf(component.fn);
  if (typeof props === 'string') return props;
  if (!n.BlockStatement.check(component.fn.body)) return 'its body is a single expression';
  const awaits = topLevelAwaits(component.fn.body);
  if (typeof awaits === 'string') return awaits;

  const local = localBindings(component.fn, props);
  const pageBound = new Set([...page.params.flatMap((p) => boundNames(p)), ...namesDeclaredIn(page.body)]);
  for (const found of awaits) {
    for (const name of freeNames(found.node.argument as N.Node)) {
      const origin = local.get(name);
      if (origin === 'awaited') return `its await reads \`${name}\`, a value it awaited itself (awaits that depend on other awaited values stay in order here)`;
      if (origin === 'local') return `its await reads \`${name}\`, computed in the component`;
      if (origin === 'children') return 'its await reads its children';
      if (props.kind === 'object' && name === props.name && !onlyMemberReads(found.node.argument as N.Node, name)) {
        return 'its await reads its whole props object';
      }
      if (!isProp(props, name) && pageBound.has(name)) return `the page binds its own \`${name}\`, which the hoisted await would read instead`;
    }
  }
  return { element, at: placed.at, props, awaits };
}

function usesOf(ast: N.File, component: Component): { elements: NodePath<N.JSXElement>[]; values: number } {
  const elements: NodePath<N.JSXElement>[] = [];
  let values = 0;
  types.visit(ast, {
    visitJSXElement(path) {
      const name = path.node.openingElement.name;
      if (n.JSXIdentifier.check(name) && name.name === component.name) elements.push(path);
      this.traverse(path);
    },
    visitIdentifier(path) {
      const parent = path.parent?.node as N.Node | undefined;
      if (path.node.name !== component.name || !parent || n.JSXIdentifier.check(path.node)) return false;
      if ((n.FunctionDeclaration.check(parent) && parent.id === path.node) || (n.VariableDeclarator.check(parent) && parent.id === path.node)) return false;
      if ((n.MemberExpression.check(parent) || n.OptionalMemberExpression.check(parent)) && parent.property === path.node && !parent.computed) return false;
      if (n.ObjectProperty.check(parent) && parent.key === path.node && !parent.computed && !parent.shorthand) return false;
      values++;
      return false;
    },
  });
  return { elements, values };
}

/**
 * Where the page returns the element unconditionally: a `return` of its body (or the expression body of an
 * arrow page), with only intrinsic elements and fragments around the element; or the rule it breaks.
 */
function placement(use: NodePath<N.JSXElement>, page: FunctionNode): { at: N.ReturnStatement | 'body' } | { rule: string } {
  const outside = { rule: 'it is rendered outside the JSX the page returns (the hoist needs it in a `return` of the page body)' };
  let path = use.parent as NodePath | null;
  let child: N.Node = use.node;
  for (; path; child = path.node as N.Node, path = path.parent as NodePath | null) {
    const node = path.node as N.Node;
    if (n.JSXFragment.check(node) || n.JSXExpressionContainer.check(node) || n.ParenthesizedExpression.check(node)) continue;
    if (n.JSXElement.check(node)) {
      const owner = textOfJsxName(node.openingElement.name);
      if (/^[a-z]/.test(owner)) continue;
      return { rule: `it is passed to <${owner}>, which decides whether it renders` };
    }
    if (n.JSXAttribute.check(node)) return { rule: 'it is passed as a prop, which decides whether it renders' };
    if (
      (n.ConditionalExpression.check(node) && node.test !== child) ||
      (n.LogicalExpression.check(node) && node.left !== child) ||
      n.IfStatement.check(node) ||
      n.SwitchStatement.check(node) ||
      n.SwitchCase.check(node)
    ) {
      return { rule: 'it is rendered conditionally, so hoisting would run its fetch even when it is not rendered' };
    }
    if (isLoop(node)) return { rule: 'it is rendered inside a loop, once per item' };
    if (n.Function.check(node)) {
      if (node === page) return n.ArrowFunctionExpression.check(page) && page.body === child ? { at: 'body' } : outside;
      return n.FunctionDeclaration.check(node) || isComponentName(path)
        ? { rule: 'it is rendered by another component, not by the page' }
        : { rule: 'it is rendered inside a callback (such as .map()), once per call' };
    }
    if (n.ReturnStatement.check(node)) {
      if (n.BlockStatement.check(path.parent?.node) && path.parent?.parent?.node === page) return { at: node };
      continue;
    }
    if (n.BlockStatement.check(node)) continue;
    return outside;
  }
  return { rule: 'it is rendered outside the page function' };
}

function isLoop(node: N.Node): boolean {
  return n.ForStatement.check(node) || n.ForInStatement.check(node) || n.ForOfStatement.check(node) || n.WhileStatement.check(node) || n.DoWhileStatement.check(node);
}

function textOfJsxName(name: N.Node): string {
  if (n.JSXMemberExpression.check(name)) return `${textOfJsxName(name.object)}.${name.property.name}`;
  if (n.JSXIdentifier.check(name)) return name.name;
  return '…';
}

function isComponentName(path: NodePath): boolean {
  const parent = path.parent?.node as N.Node | undefined;
  return n.VariableDeclarator.check(parent) && n.Identifier.check(parent.id) && /^[A-Z]/.test(parent.id.name);
}

/** Values the hoist may read a second time, before the return: no call, no side effect, no order to keep. */
function isPlainValue(node: N.Node): boolean {
  if (n.Identifier.check(node) || n.StringLiteral.check(node) || n.NumericLiteral.check(node) || n.BooleanLiteral.check(node) || n.NullLiteral.check(node)) return true;
  if (n.MemberExpression.check(node)) return isPlainValue(node.object) && (!node.computed || n.StringLiteral.check(node.property) || n.NumericLiteral.check(node.property));
  if (n.TemplateLiteral.check(node)) return node.expressions.every((e) => isPlainValue(e as N.Node));
  return false;
}

function propsOf(fn: FunctionNode): Props | string {
  if (fn.params.length === 0) return { kind: 'none' };
  if (fn.params.length > 1) return 'it takes more than one parameter';
  const param = fn.params[0] as N.Node;
  if (n.Identifier.check(param)) return { kind: 'object', name: param.name, node: param };
  if (!n.ObjectPattern.check(param)) return 'its props parameter is not a plain { … } pattern';
  const keys = new Map<string, { key: string; fallback?: N.Node }>();
  for (const property of param.properties) {
    if (n.RestElement.check(property)) {
      if (n.Identifier.check(property.argument)) keys.set(property.argument.name, { key: '…' });
      continue;
    }
    if (!n.ObjectProperty.check(property) || property.computed || !n.Identifier.check(property.key)) return 'its props parameter has a computed key';
    const value = property.value as N.Node;
    if (n.Identifier.check(value)) keys.set(value.name, { key: property.key.name });
    else if (n.AssignmentPattern.check(value) && n.Identifier.check(value.left)) keys.set(value.left.name, { key: property.key.name, fallback: value.right });
    else return 'its props parameter destructures a prop further';
  }
  return { kind: 'pattern', pattern: param, keys };
}

function isProp(props: Props, name: string): boolean {
  return (props.kind === 'pattern' && props.keys.has(name) && props.keys.get(name)!.key !== '…') || (props.kind === 'object' && props.name === name);
}

/** The awaits of the component's own body (not of functions inside it), or the rule one of them breaks. */
function topLevelAwaits(body: N.BlockStatement): Await[] | string {
  const found: Await[] = [];
  let exited = false;
  for (const statement of body.body) {
    let rule: string | undefined;
    const own: N.AwaitExpression[] = [];
    let exits = false;
    walkOwn(statement, (node, ancestors) => {
      if (n.ReturnStatement.check(node) || n.ThrowStatement.check(node)) exits = true;
      if (n.ForOfStatement.check(node) && node.await) rule ??= 'it awaits inside a loop (for await), once per item';
      if (!n.AwaitExpression.check(node)) return;
      own.push(node);
      let child: N.Node = node;
      for (const ancestor of [...ancestors].reverse()) {
        if (n.TryStatement.check(ancestor) || n.CatchClause.check(ancestor)) rule ??= 'it awaits inside try/catch, whose error handling the hoisted fetch would leave';
        if (isLoop(ancestor)) rule ??= 'it awaits inside a loop, once per item';
        const conditional =
          (n.ConditionalExpression.check(ancestor) && ancestor.test !== child) ||
          (n.LogicalExpression.check(ancestor) && ancestor.left !== child) ||
          (n.IfStatement.check(ancestor) && ancestor.test !== child) ||
          n.SwitchCase.check(ancestor) ||
          // `a?.(await x)`, `a?.[await x]`: skipped when `a` is nullish.
          (n.OptionalCallExpression.check(ancestor) && ancestor.callee !== child) ||
          (n.OptionalMemberExpression.check(ancestor) && ancestor.object !== child);
        if (conditional) rule ??= 'it awaits conditionally (inside if, ?:, && or ??), so the fetch does not always run';
        child = ancestor;
      }
    });
    if (rule) return rule;
    if (own.length > 0 && exited) return 'an earlier return or throw decides whether its await runs';
    for (const node of own) {
      const declarator = n.VariableDeclaration.check(statement) && statement.declarations.length === 1 ? (statement.declarations[0] as N.VariableDeclarator) : undefined;
      const direct = declarator && declarator.init === node && n.Identifier.check(declarator.id) && own.length === 1;
      const bare = n.ExpressionStatement.check(statement) && statement.expression === node;
      found.push({
        node,
        statement,
        bare,
        ...(direct ? { binding: declarator.id as N.Identifier, annotation: (declarator.id as N.Identifier).typeAnnotation ?? undefined } : {}),
      });
    }
    if (exits) exited = true;
  }
  return found;
}

/** A walk that does not enter nested functions, with the ancestors of each node (outermost first). */
function walkOwn(root: N.Node, visit: (node: N.Node, ancestors: readonly N.Node[]) => void): void {
  walkWithAncestors(root, (node, ancestors) => {
    visit(node, ancestors);
    return n.Function.check(node) ? false : undefined;
  });
}

/** The component's own bindings: 'awaited' when their value comes from an await, 'local' otherwise. */
function localBindings(fn: FunctionNode, props: Props): Map<string, 'awaited' | 'local' | 'children'> {
  const names = new Map<string, 'awaited' | 'local' | 'children'>();
  if (props.kind === 'pattern' && props.keys.get('children')?.key === 'children') names.set('children', 'children');
  walkOwn(fn.body as N.Node, (node) => {
    if (n.VariableDeclarator.check(node)) {
      let awaited = false;
      if (node.init) walkOwn(node.init as N.Node, (inner) => void (n.AwaitExpression.check(inner) && (awaited = true)));
      for (const name of boundNames(node.id as N.Node)) names.set(name, awaited ? 'awaited' : 'local');
    } else if (n.FunctionDeclaration.check(node) && node.id) names.set(String(node.id.name), 'local');
    else if (n.ClassDeclaration.check(node) && node.id) names.set(String(node.id.name), 'local');
  });
  for (const [name, info] of props.kind === 'pattern' ? props.keys : []) if (info.key === '…') names.set(name, 'local');
  return names;
}

/** Every name bound anywhere inside a node (declarations, parameters): what could shadow a module binding. */
function namesDeclaredIn(root: N.Node): Set<string> {
  const names = new Set<string>();
  walk(root, (node) => {
    if (n.VariableDeclarator.check(node)) boundNames(node.id as N.Node).forEach((x) => names.add(x));
    else if (n.Function.check(node)) {
      if (n.FunctionDeclaration.check(node) && node.id) names.add(String(node.id.name));
      node.params.forEach((p) => boundNames(p as N.Node).forEach((x) => names.add(x)));
    } else if (n.CatchClause.check(node) && node.param) boundNames(node.param as N.Node).forEach((x) => names.add(x));
    else if (n.ClassDeclaration.check(node) && node.id) names.add(String(node.id.name));
  });
  return names;
}

/** Names an expression reads from outside itself (its own callbacks' parameters and locals excluded). */
function freeNames(node: N.Node): string[] {
  const inner = namesDeclaredIn(node);
  return [...referencedNames(node)].filter((name) => !inner.has(name));
}

function onlyMemberReads(root: N.Node, name: string): boolean {
  let bare = false;
  walk(root, (node, parent, key) => {
    if (!n.Identifier.check(node) || node.name !== name) return;
    const plainRead = parent && n.MemberExpression.check(parent) && key === 'object' && !parent.computed;
    if (!plainRead) bare = true;
  });
  return !bare;
}

/**
 * Takes each await of the plan out of the component, which gets the results as props, and returns the page code
 * that awaits them instead (for above the return the plan names).
 */
function applyHoist(m: EditedModule, component: Component, page: FunctionNode, plan: Plan): string[] {
  const ts = m.typescript;
  const attributes = new Map<string, N.Node | undefined>();
  for (const attribute of plan.element.openingElement.attributes ?? []) {
    if (n.JSXAttribute.check(attribute)) attributes.set(String(attribute.name.name), attribute.value ?? undefined);
  }
  // A new page variable must shadow nothing the page or the hoisted code reads.
  const taken = new Set([...namesDeclaredIn(page as N.Node), ...referencedNames(page as N.Node), ...topLevelNames(m.ast)]);
  for (const found of plan.awaits) referencedNames(found.node).forEach((name) => taken.add(name));
  const props = plan.props;
  const propKeys = new Set(props.kind === 'pattern' ? [...props.keys.values()].map((k) => k.key) : []);
  const added: { key: string; local: string }[] = [];
  const hoisted: string[] = [];
  const members: string[] = [];
  const newAttributes: string[] = [];
  for (const found of plan.awaits) {
    const type = ts ? resultType(m, found) : undefined;
    const argument = substituteProps(m, found.node.argument as N.Node, props, attributes);
    if (found.bare) {
      hoisted.push(`await ${argument};`);
      m.removeLines(found.statement);
      continue;
    }
    const wanted = found.binding?.name ?? `${component.name[0]!.toLowerCase()}${component.name.slice(1)}Data`;
    const variable = freeName(wanted, taken);
    taken.add(variable);
    const key = freeName(wanted, new Set([...attributes.keys(), ...propKeys]));
    propKeys.add(key);
    hoisted.push(`const ${variable} = await ${argument};`);
    newAttributes.push(`${key}={${variable}}`);
    if (type) members.push(`${key}: ${type}`);
    if (props.kind === 'object') {
      m.replace(found.node, `${props.name}.${key}`);
      continue;
    }
    const local = found.binding?.name ?? key;
    if (found.binding) m.removeLines(found.statement);
    else m.replace(found.node, local);
    added.push({ key, local });
  }
  const opening = plan.element.openingElement;
  const lastAttribute = (opening.attributes ?? []).at(-1) ?? opening.name;
  if (newAttributes.length) m.insert(endOf(lastAttribute as N.Node), newAttributes.map((a) => ` ${a}`).join(''));
  if (component.fn.async) m.remove(startOf(component.fn as N.Node), startOf(component.fn as N.Node) + 'async '.length);
  if (added.length || members.length) rewriteProps(m, component.fn, props, added, members);
  return hoisted;
}

function topLevelNames(ast: N.File): string[] {
  return ast.program.body.flatMap((s) => {
    if (n.ImportDeclaration.check(s)) return (s.specifiers ?? []).map((x) => String(x.local?.name ?? ''));
    const d = n.ExportNamedDeclaration.check(s) && s.declaration ? s.declaration : s;
    if (n.VariableDeclaration.check(d)) return d.declarations.flatMap((x) => boundNames((x as N.VariableDeclarator).id as N.Node));
    if ((n.FunctionDeclaration.check(d) || n.ClassDeclaration.check(d)) && d.id) return [String(d.id.name)];
    return [];
  });
}

function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
  return name;
}

/** The await's argument, as text, with each prop it reads replaced by what the page passes (its default, or undefined). */
function substituteProps(m: EditedModule, argument: N.Node, props: Props, attributes: Map<string, N.Node | undefined>): string {
  const valueOf = (key: string, fallback?: N.Node): string => {
    if (!attributes.has(key)) return fallback ? m.text(fallback) : 'undefined';
    const value = attributes.get(key);
    if (value === undefined) return 'true';
    if (!n.JSXExpressionContainer.check(value)) return m.text(value);
    const text = m.text(value.expression as N.Node);
    // A destructuring default applies whenever the passed value is undefined.
    return fallback ? `${text} === undefined ? ${m.text(fallback)} : ${text}` : text;
  };
  const inner = namesDeclaredIn(argument);
  // Edits of the argument's own text, apart from the module's.
  const edits = new TextEdits(m.source);
  walk(argument, (node, parent, key) => {
    if (props.kind === 'object' && n.MemberExpression.check(node) && n.Identifier.check(node.object) && node.object.name === props.name && !node.computed && n.Identifier.check(node.property)) {
      edits.replace(startOf(node), endOf(node), parenthesized(valueOf(node.property.name)));
      return false;
    }
    if (props.kind !== 'pattern' || !n.Identifier.check(node) || inner.has(node.name)) return undefined;
    const info = props.keys.get(node.name);
    if (!info || info.key === '…') return undefined;
    if (parent && (n.MemberExpression.check(parent) || n.OptionalMemberExpression.check(parent)) && key === 'property' && !parent.computed) return undefined;
    if (parent && n.ObjectProperty.check(parent) && key === 'key' && !parent.computed) return undefined;
    const value = valueOf(info.key, info.fallback);
    // `{ slug }` passes the value under its key.
    if (parent && n.ObjectProperty.check(parent) && parent.shorthand) edits.replace(startOf(parent), endOf(parent), `${node.name}: ${value}`);
    else edits.replace(startOf(node), endOf(node), parenthesized(value));
    return undefined;
  });
  return edits.slice(startOf(argument), endOf(argument));
}

/** A substituted value keeps its meaning wherever it lands: anything but a name, a member read or a literal gets parentheses. */
function parenthesized(value: string): string {
  return /^[\w$.]+$|^'[^']*'$|^"[^"]*"$/.test(value) ? value : `(${value})`;
}

/** The TypeScript type of an awaited value, written from what the code says about it. */
function resultType(m: EditedModule, found: Await): string {
  const argument = found.node.argument as N.Node;
  if (found.annotation && n.TSTypeAnnotation.check(found.annotation)) return m.text(found.annotation.typeAnnotation as N.Node);
  const callee = n.CallExpression.check(argument) ? argument.callee : undefined;
  if (callee && isNameChain(callee as N.Node)) return `Awaited<ReturnType<typeof ${m.text(callee as N.Node)}>>`;
  if (isNameChain(argument)) return `Awaited<typeof ${m.text(argument)}>`;
  return 'any';
}

function isNameChain(node: N.Node): boolean {
  if (n.Identifier.check(node)) return true;
  return n.MemberExpression.check(node) && !node.computed && isNameChain(node.object) && n.Identifier.check(node.property);
}

/**
 * The component's props parameter with the hoisted values added, written as text so it prints on one line
 * like the original: `{ slug }: { slug: string }` → `{ slug, comments }: { slug: string; comments: … }`;
 * a named props type gets `& { … }`.
 */
function rewriteProps(m: EditedModule, fn: FunctionNode, props: Props, added: { key: string; local: string }[], members: string[]): void {
  const ts = m.typescript;
  const param = fn.params[0] as (N.Node & { typeAnnotation?: N.TSTypeAnnotation | null }) | undefined;
  const addedText = added.map(({ key, local }) => (key === local ? key : `${key}: ${local}`));
  let pattern: string;
  if (props.kind === 'pattern') {
    const original = props.pattern.properties.map((p) => m.text(p as N.Node));
    const rest = props.pattern.properties.findIndex((p) => n.RestElement.check(p));
    if (rest >= 0) original.splice(rest, 0, ...addedText);
    else original.push(...addedText);
    pattern = `{ ${original.join(', ')} }`;
  } else if (props.kind === 'object') {
    pattern = props.name;
  } else {
    pattern = `{ ${addedText.join(', ')} }`;
  }
  const annotation = param?.typeAnnotation?.typeAnnotation as N.Node | undefined;
  let type: string | undefined;
  if (ts && members.length && annotation && n.TSTypeLiteral.check(annotation)) {
    const own = annotation.members.map((member) => m.text(member as N.Node).replace(/[;,]\s*$/, ''));
    type = `{ ${[...own, ...members].join('; ')} }`;
  } else if (ts && members.length && annotation) {
    type = `${m.text(annotation)} & { ${members.join('; ')} }`;
  } else if (ts && members.length && props.kind === 'none') {
    type = `{ ${members.join('; ')} }`;
  } else if (annotation) {
    type = m.text(annotation);
  }
  m.replaceParams(fn as N.Node & { params: N.Node[] }, type ? `${pattern}: ${type}` : pattern);
}

/**
 * Components imported from another module are not hoisted: their code is not here to move. When the module
 * is a relative one this project holds, an async one is marked at its import.
 */
function markImportedAsyncComponents(
  m: EditedModule,
  used: Set<string>,
  file: string,
  moved: (specifier: string) => string,
  readFile: (path: string) => string | undefined,
): void {
  for (const statement of m.ast.program.body) {
    if (!n.ImportDeclaration.check(statement) || statement.importKind === 'type') continue;
    const specifier = String(statement.source.value);
    if (!specifier.startsWith('.')) continue;
    const names = (statement.specifiers ?? []).filter((s) => s.local && used.has(String(s.local.name)));
    if (names.length === 0) continue;
    const target = resolveModule(posix.join(posix.dirname(file), specifier), readFile);
    if (!target) continue;
    let module: N.File;
    try {
      module = readModule(target.source, target.path);
    } catch {
      continue;
    }
    for (const s of names) {
      const exported = n.ImportDefaultSpecifier.check(s) ? 'default' : n.ImportSpecifier.check(s) ? String((s.imported as N.Identifier).name ?? (s.imported as unknown as N.StringLiteral).value) : undefined;
      if (!exported) continue;
      const local = findExport(module, exported)?.local ?? (exported !== 'default' ? findLocalBinding(module, exported) : undefined);
      if (!local?.fn?.async) continue;
      m.marker(statement, notHoistedMarker(String(s.local!.name), `it is defined in another module (${moved(specifier)}), whose code the hoist does not move`));
    }
  }
}
