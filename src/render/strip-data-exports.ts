import type { ParserPlugin } from '@babel/parser';
import { babelParser } from '../load/babel-parser.js';

/**
 * A page module as the browser gets it: without its build-time data functions (`getStaticProps`,
 * `getStaticPaths`, `getServerSideProps`, zfb's `paths`) and without the top-level code only they used
 * (their imports of `fs`, helpers that read files). This is what Next's SSG transform does for the pages
 * router's client bundles (next-swc `next_ssg`): it removes those exports, then, repeatedly, every top-level
 * binding that was referenced from removed code and is referenced from nowhere else, imports included.
 * Side-effect imports (`import './x.css'`) always stay.
 */

export const DATA_EXPORTS = ['getStaticProps', 'getStaticPaths', 'getServerSideProps', 'paths'];

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface Statement {
  node: Node;
  /** Names this statement declares at module scope. */
  declares: string[];
  /** Identifier names used anywhere inside it (an over-approximation: safe, it only keeps more). */
  uses: Set<string>;
  removed: boolean;
  /** Import specifiers left, for an import statement that loses some. */
  keptSpecifiers?: Node[];
}

export function stripDataExports(source: string, file: string, names: readonly string[] = DATA_EXPORTS): string {
  if (!names.some((name) => source.includes(name))) return source;
  const language: ParserPlugin[] = /\.[mc]?ts$/.test(file) ? ['typescript'] : /\.tsx$/.test(file) ? ['typescript', 'jsx'] : ['jsx'];
  const ast = babelParser().parse(source, { sourceType: 'module', allowImportExportEverywhere: true, plugins: [...language, 'decorators-legacy', 'importAttributes'] });
  const removedNames = new Set(names);
  const statements: Statement[] = (ast.program.body as unknown as Node[]).map((node) => ({ node, declares: declaredNames(node), uses: usedNames(node), removed: false }));
  const edits: { start: number; end: number; text: string }[] = [];
  const freed = new Set<string>();

  for (const statement of statements) {
    const { node } = statement;
    if (node.type === 'ExportNamedDeclaration' && node.declaration) {
      const declared = declaredNames(node.declaration as Node);
      if (declared.length > 0 && declared.every((n) => removedNames.has(n))) remove(statement);
    } else if (node.type === 'ExportNamedDeclaration' && Array.isArray(node.specifiers)) {
      const specifiers = node.specifiers as Node[];
      const kept = specifiers.filter((s) => !removedNames.has(exportedName(s)));
      if (kept.length === specifiers.length) continue;
      for (const s of specifiers) if (!kept.includes(s)) freed.add(localName(s));
      if (kept.length === 0) remove(statement);
      else edits.push({ start: node.start, end: node.end, text: `export { ${kept.map((s) => source.slice(s.start, s.end)).join(', ')} }${node.source ? ` from ${source.slice((node.source as Node).start, (node.source as Node).end)}` : ''};` });
    }
  }

  // Bindings only removed code used, until nothing more goes.
  for (let changed = true; changed; ) {
    changed = false;
    const usedByKept = new Map<string, number>();
    for (const s of statements) if (!s.removed) for (const name of s.uses) usedByKept.set(name, (usedByKept.get(name) ?? 0) + 1);
    const usedElsewhere = (s: Statement, name: string): boolean => (usedByKept.get(name) ?? 0) - (s.uses.has(name) ? 1 : 0) > 0;
    for (const s of statements) {
      if (s.removed) continue;
      if (s.node.type === 'ImportDeclaration') {
        const specifiers = s.keptSpecifiers ?? (s.node.specifiers as Node[]);
        if (specifiers.length === 0) continue;
        const kept = specifiers.filter((sp) => {
          const name = (sp.local as Node & { name: string }).name;
          return !freed.has(name) || usedElsewhere(s, name);
        });
        if (kept.length === specifiers.length) continue;
        changed = true;
        if (kept.length === 0) remove(s);
        else s.keptSpecifiers = kept;
      } else if (isDeclaration(s.node) && s.declares.length > 0 && s.declares.every((name) => freed.has(name) && !usedElsewhere(s, name))) {
        remove(s);
        changed = true;
      }
    }
  }

  for (const s of statements) {
    if (s.removed) edits.push({ start: s.node.start, end: s.node.end, text: '' });
    else if (s.keptSpecifiers) edits.push({ start: s.node.start, end: s.node.end, text: importText(source, s.node, s.keptSpecifiers) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = source;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;

  function remove(statement: Statement): void {
    statement.removed = true;
    for (const name of statement.uses) freed.add(name);
  }
}

function isDeclaration(node: Node): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration' || node.type === 'VariableDeclaration' || node.type === 'TSEnumDeclaration';
}

function declaredNames(node: Node): string[] {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration':
      return node.id ? [(node.id as Node & { name: string }).name] : [];
    case 'VariableDeclaration':
      return (node.declarations as Node[]).flatMap((d) => patternNames(d.id as Node));
    default:
      return [];
  }
}

function patternNames(node: Node | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Identifier':
      return [(node as Node & { name: string }).name];
    case 'ObjectPattern':
      return (node.properties as Node[]).flatMap((p) => patternNames((p.type === 'RestElement' ? p.argument : p.value) as Node));
    case 'ArrayPattern':
      return (node.elements as (Node | null)[]).flatMap((e) => patternNames(e));
    case 'RestElement':
      return patternNames(node.argument as Node);
    case 'AssignmentPattern':
      return patternNames(node.left as Node);
    default:
      return [];
  }
}

function usedNames(root: Node): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && typeof node.name === 'string') names.add(node.name);
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra') continue;
      const child = node[key];
      if (child && typeof child === 'object') visit(child);
    }
  };
  visit(root);
  return names;
}

function exportedName(specifier: Node): string {
  const exported = specifier.exported as (Node & { name?: string; value?: string }) | undefined;
  return exported?.name ?? exported?.value ?? '';
}

function localName(specifier: Node): string {
  const local = specifier.local as (Node & { name?: string }) | undefined;
  return local?.name ?? '';
}

function importText(source: string, node: Node, specifiers: Node[]): string {
  const defaults = specifiers.filter((s) => s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier').map((s) => source.slice(s.start, s.end));
  const named = specifiers.filter((s) => s.type === 'ImportSpecifier').map((s) => source.slice(s.start, s.end));
  const parts = [...defaults, ...(named.length > 0 ? [`{ ${named.join(', ')} }`] : [])];
  const kind = node.importKind === 'type' ? 'type ' : '';
  return `import ${kind}${parts.join(', ')} from ${source.slice((node.source as Node).start, (node.source as Node).end)};`;
}
