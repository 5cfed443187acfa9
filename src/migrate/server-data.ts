import type { namedTypes as N } from 'ast-types';
import { EditedModule, endOf, startOf } from '../../codemods/_shared/edited-module.js';
import { findExport, unwrapExpression } from '../../codemods/_shared/find-export.js';
import { walk } from '../../codemods/_shared/walk.js';
import { freeName } from './module-edits.js';

/**
 * The data an app-router server component (a page or a layout) awaits, moved out of it. zfb renders in V8
 * without Node, and nests components where React cannot wait for them, so the statements of the component
 * up to its last `await` (and the notFound()/redirect() guards right after) become an exported data
 * function of the same module, which the next-data plugin runs in Node for each URL. The component keeps
 * the rest of its body and reads the values those statements declared with `useNextData(key)`, from
 * next-shims/app-shell.tsx; it is no longer async.
 */

type Node = N.Node;

export interface HoistResult {
  source: string;
  /** The exported data function added to the module; undefined when there was nothing to move. */
  dataFunction?: string;
  /** Why the data could not be moved (the component stays async and runs its awaits in zfb's V8). */
  refused?: string;
  /** Whether the component is (still) async. */
  async: boolean;
}

export interface HoistOptions {
  /** The name the data function gets (`pageData`, `layoutData`). */
  dataName: string;
  /** The key the component reads its data with. */
  key: string;
  /** The specifier of next-shims/app-shell from this module. */
  shellSpecifier: string;
  /** Names imported from modules that reach Node: a statement using one runs in Node too. */
  nodeOnly?: ReadonlySet<string>;
}

const GUARD_CALLS = new Set(['notFound', 'redirect', 'permanentRedirect', 'forbidden', 'unauthorized']);

export function hoistServerData(source: string, file: string, options: HoistOptions): HoistResult {
  const m = new EditedModule(source, file);
  const found = findExport(m.ast, 'default');
  const fn = found?.local?.fn;
  if (!fn) return { source, async: false };
  const isAsync = !!(fn as { async?: boolean }).async;
  const body = fn.body as Node;
  if (body.type !== 'BlockStatement') return { source, async: isAsync };
  const statements = (body as N.BlockStatement).body as Node[];
  let last = -1;
  statements.forEach((statement, i) => {
    if (hasAwait(statement) || usesAny(statement, options.nodeOnly)) last = i;
  });
  if (last < 0) {
    if (isAsync) removeAsync(m, fn as Node);
    return { source: isAsync ? m.print() : source, async: false };
  }
  // The notFound()/redirect() guards that follow the data belong with it: they decide whether the URL exists.
  while (last + 1 < statements.length && isGuard(statements[last + 1]!)) last++;
  const moved = statements.slice(0, last + 1);
  const rest = statements.slice(last + 1);
  const refused = refusal(moved, rest);
  if (refused) return { source, refused, async: isAsync };

  const declared = moved.flatMap(declaredNames);
  const restNames = new Set<string>();
  for (const statement of rest) for (const name of referencedNames(statement)) restNames.add(name);
  const returned = declared.filter((name) => restNames.has(name));
  const dataName = freeName(m.ast, options.dataName);
  const params = (fn as { params: Node[] }).params;
  const paramText = params.length > 0 ? m.source.slice(startOf(params[0]!), endOf(params[params.length - 1]!)) : '';
  const typeAnnotation = (params[params.length - 1] as { typeAnnotation?: Node } | undefined)?.typeAnnotation;
  const fullParams = typeAnnotation && endOf(typeAnnotation) > endOf(params[params.length - 1]!) ? m.source.slice(startOf(params[0]!), endOf(typeAnnotation)) : paramText;
  const movedText = m.source.slice(m.lineStart(startOf(moved[0]!)), endOf(moved[moved.length - 1]!));
  const dataFunction = [
    `/** What ${componentName(found!.local!)} awaited, run in Node by the next-data plugin for each URL. */`,
    `export async function ${dataName}(${fullParams}) {`,
    reindent(movedText, m.indentAt(startOf(moved[0]!)), '  '),
    `  return { ${returned.join(', ')} };`,
    `}`,
  ].join('\n');
  const indent = m.indentAt(startOf(moved[0]!));
  const read = returned.length > 0 ? `const { ${returned.join(', ')} } = useNextData(${JSON.stringify(options.key)});` : `useNextData(${JSON.stringify(options.key)});`;
  m.edits.replace(startOf(moved[0]!), endOf(moved[moved.length - 1]!), read);
  void indent;
  if (isAsync) removeAsync(m, fn as Node);
  m.insertAfter(undefined, dataFunction);
  const hasImport = (m.ast.program.body as Node[]).some((s) => s.type === 'ImportDeclaration' && (s as N.ImportDeclaration).source.value === options.shellSpecifier);
  const importLine = `import { useNextData } from '${options.shellSpecifier}';`;
  const imports = (m.ast.program.body as Node[]).filter((s) => s.type === 'ImportDeclaration');
  if (!hasImport) {
    if (imports.length > 0) m.insertAfter(imports[imports.length - 1], importLine, '\n');
    else m.insertBefore((m.ast.program.body as Node[])[0]!, importLine, '\n');
  }
  return { source: m.print(), dataFunction: dataName, async: false };
}

function componentName(local: { name: string }): string {
  return local.name === 'default' ? 'the component' : local.name;
}

/** Why the statements cannot run apart from the component: JSX, hooks, or an early return. */
function refusal(moved: Node[], rest: Node[]): string | undefined {
  for (const statement of moved) {
    let reason: string | undefined;
    walk(statement, (node) => {
      if (reason) return false;
      if (node.type === 'JSXElement' || node.type === 'JSXFragment') reason = 'it builds JSX before its last await';
      else if (node.type === 'ReturnStatement') reason = 'it returns before its last await';
      else if (node.type === 'CallExpression') {
        const callee = (node as N.CallExpression).callee;
        if (callee.type === 'Identifier' && /^use[A-Z]/.test(callee.name)) reason = `it calls ${callee.name}() before its last await`;
      }
      // Code inside nested functions runs when they are called: an early return there is theirs.
      if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return false;
      return undefined;
    });
    if (reason) return reason;
  }
  const last = rest[rest.length - 1];
  if (!last || last.type !== 'ReturnStatement') return 'its body does not end in a return';
  return undefined;
}

function hasAwait(statement: Node): boolean {
  let found = false;
  walk(statement, (node) => {
    if (found) return false;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && (node as { await?: boolean }).await)) found = true;
    if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return false;
    return undefined;
  });
  return found;
}

function usesAny(statement: Node, names: ReadonlySet<string> | undefined): boolean {
  if (!names || names.size === 0) return false;
  for (const name of referencedNames(statement)) if (names.has(name)) return true;
  return false;
}

/** `if (!doc) notFound();`, `if (!doc) return notFound();`, `if (x) redirect('/y')`. */
function isGuard(statement: Node): boolean {
  if (statement.type !== 'IfStatement' || (statement as N.IfStatement).alternate) return false;
  let consequent = (statement as N.IfStatement).consequent as Node;
  if (consequent.type === 'BlockStatement' && (consequent as N.BlockStatement).body.length === 1) consequent = (consequent as N.BlockStatement).body[0] as Node;
  const expression = consequent.type === 'ExpressionStatement' ? (consequent as N.ExpressionStatement).expression : consequent.type === 'ReturnStatement' ? (consequent as N.ReturnStatement).argument : undefined;
  const call = unwrapExpression(expression as Node | undefined);
  return call?.type === 'CallExpression' && (call as N.CallExpression).callee.type === 'Identifier' && GUARD_CALLS.has(((call as N.CallExpression).callee as N.Identifier).name);
}

function removeAsync(m: EditedModule, fn: Node): void {
  const text = m.source.slice(startOf(fn), endOf(fn));
  const at = /\basync\s+/.exec(text);
  if (at) m.remove(startOf(fn) + at.index, startOf(fn) + at.index + at[0].length);
  else {
    // `export default async function`: the keyword is before the node when babel starts it at `function`.
    const before = m.source.slice(0, startOf(fn));
    const match = /\basync\s+$/.exec(before);
    if (match) m.remove(startOf(fn) - match[0].length, startOf(fn));
  }
}

/** The names a statement declares at its own level (`const { a, b } = …` → a, b). */
function declaredNames(statement: Node): string[] {
  if (statement.type === 'VariableDeclaration') return (statement as N.VariableDeclaration).declarations.flatMap((d) => patternNames((d as N.VariableDeclarator).id as Node));
  if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') {
    const id = (statement as { id?: N.Identifier | null }).id;
    return id ? [id.name] : [];
  }
  return [];
}

function patternNames(pattern: Node | null | undefined): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [(pattern as N.Identifier).name];
    case 'ObjectPattern':
      return (pattern as N.ObjectPattern).properties.flatMap((p) => patternNames((p.type === 'RestElement' ? p.argument : (p as N.ObjectProperty).value) as Node));
    case 'ArrayPattern':
      return (pattern as N.ArrayPattern).elements.flatMap((e) => patternNames(e as Node));
    case 'RestElement':
      return patternNames((pattern as N.RestElement).argument as Node);
    case 'AssignmentPattern':
      return patternNames((pattern as N.AssignmentPattern).left as Node);
    default:
      return [];
  }
}

function referencedNames(node: Node): Set<string> {
  const names = new Set<string>();
  walk(node, (child, parent, key) => {
    if (child.type !== 'Identifier' && child.type !== 'JSXIdentifier') return;
    const p = parent as unknown as { computed?: boolean; shorthand?: boolean } | undefined;
    if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && key === 'property' && !p?.computed) return;
    if (parent?.type === 'ObjectProperty' && key === 'key' && !p?.computed && !p?.shorthand) return;
    if (parent?.type === 'JSXAttribute' && key === 'name') return;
    names.add((child as N.Identifier).name);
  });
  return names;
}

/** Text indented for one place, re-indented for another. */
function reindent(text: string, from: string, to: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}
