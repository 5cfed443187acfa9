import { readFileSync } from 'node:fs';
import type { Unmatched } from '../model/types.js';

/**
 * What a module's source says about its route, read without running it: for a route whose module could
 * not be loaded, the model still gives the fallback mode the source declares instead of guessing one.
 * Only literal values count (`fallback: 'blocking'`, `export const dynamicParams = false`); anything
 * computed stays unknown.
 */

export interface DeclaredPage {
  /** The `fallback` of every object literal getStaticPaths returns, when they all agree. */
  fallback?: Unmatched;
  serverRendered: boolean;
  getStaticPaths: boolean;
}

export interface DeclaredSegment {
  dynamicParams?: boolean;
  dynamic?: string;
}

type Node = { type: string; [key: string]: unknown };

async function program(file: string): Promise<Node[] | undefined> {
  // Loaded on demand: only a route whose module failed needs the parser, a large module to load.
  // A bundle may hand a CommonJS package back as its default export only.
  const babel = (await import('@babel/parser')) as typeof import('@babel/parser') & { default?: typeof import('@babel/parser') };
  const parse = babel.default?.parse ?? babel.parse;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'], errorRecovery: true });
    return ast.program.body as unknown as Node[];
  } catch {
    return undefined;
  }
}

/** `export function name`, `export const name = ...`, `export { local as name }`: the declaration's node. */
function exported(body: Node[], name: string): Node | undefined {
  const locals = new Map<string, Node>();
  for (const statement of body) {
    const declaration = (statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement) as Node | null;
    if (declaration?.type === 'FunctionDeclaration') locals.set((declaration.id as { name: string }).name, declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const item of declaration.declarations as Node[]) {
        const id = item.id as { type: string; name?: string };
        if (id.type === 'Identifier' && id.name) locals.set(id.name, (item.init as Node | null) ?? item);
      }
    }
  }
  for (const statement of body) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration as Node | null;
    if (declaration?.type === 'FunctionDeclaration' && (declaration.id as { name: string }).name === name) return declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const item of declaration.declarations as Node[]) if ((item.id as { name?: string }).name === name) return (item.init as Node | null) ?? item;
    }
    for (const specifier of (statement.specifiers as Node[] | undefined) ?? []) {
      const exportedName = (specifier.exported as { name?: string; value?: string }).name ?? (specifier.exported as { value?: string }).value;
      if (exportedName === name) return locals.get((specifier.local as { name: string }).name) ?? specifier;
    }
  }
  return undefined;
}

/** Every node below `node`, depth first, not entering nested functions when `ownOnly`. */
function* walk(node: unknown, ownOnly: boolean, top = true): Generator<Node> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, ownOnly, false);
    return;
  }
  const current = node as Node;
  if (typeof current.type !== 'string') return;
  if (!top && ownOnly && /Function/.test(current.type)) return;
  yield current;
  for (const [key, value] of Object.entries(current)) {
    if (key === 'loc' || key === 'start' || key === 'end' || key === 'leadingComments' || key === 'trailingComments') continue;
    if (value && typeof value === 'object') yield* walk(value, ownOnly, false);
  }
}

function literal(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'BooleanLiteral' || node.type === 'StringLiteral') return node.value;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return literal(node.expression as Node);
  return undefined;
}

export async function declaredPage(file: string): Promise<DeclaredPage> {
  const body = await program(file);
  if (!body) return { serverRendered: false, getStaticPaths: false };
  const getStaticPaths = exported(body, 'getStaticPaths');
  const page: DeclaredPage = { serverRendered: exported(body, 'getServerSideProps') !== undefined, getStaticPaths: getStaticPaths !== undefined };
  if (!getStaticPaths) return page;
  const values = new Set<unknown>();
  for (const node of walk(getStaticPaths, true)) {
    if (node.type !== 'ObjectProperty') continue;
    const key = node.key as { name?: string; value?: string };
    if ((key.name ?? key.value) !== 'fallback') continue;
    values.add(literal(node.value as Node));
  }
  if (values.size !== 1) return page;
  const [value] = values;
  if (value === false) page.fallback = 'not-found';
  else if (value === true) page.fallback = 'fallback';
  else if (value === 'blocking') page.fallback = 'blocking';
  return page;
}

export async function declaredSegment(file: string): Promise<DeclaredSegment> {
  const body = await program(file);
  const segment: DeclaredSegment = {};
  if (!body) return segment;
  const dynamicParams = literal(exported(body, 'dynamicParams'));
  if (typeof dynamicParams === 'boolean') segment.dynamicParams = dynamicParams;
  const dynamic = literal(exported(body, 'dynamic'));
  if (typeof dynamic === 'string') segment.dynamic = dynamic;
  return segment;
}
