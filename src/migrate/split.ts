import type { namedTypes as N } from 'ast-types';
import { EditedModule, endOf, startOf } from '../../codemods/_shared/edited-module.js';
import { isReference, walk } from '../../codemods/_shared/walk.js';

/**
 * Splits a page module in two by its top-level statements: what zfb renders (the component and what it
 * uses) and what the next-data plugin runs in Node (the data functions and what they use). A split keeps
 * some exports and removes the others, then every top-level declaration and import that only the removed
 * ones used; code that nothing used before stays as it was. The text is edited, never reprinted.
 */

type Node = N.Node;

export interface Item {
  statement: Node;
  /** What goes when the item goes: a specifier of a list (dropped from it), or the whole statement. */
  node: Node;
  list?: Node[];
  /** Bindings the item declares. */
  names: string[];
  /** Names the item exports ('default' for the default export). */
  exported: string[];
  /** Names it refers to. */
  refs: Set<string>;
  /** Kept whatever is removed: a statement with effects of its own. */
  root: boolean;
  /** `import './x.css'`: an effect the data half does without. */
  style?: boolean;
}

const STYLE = /\.(css|scss|sass|less|styl|pcss)$/i;

export interface SplitOptions {
  /** Which exports stay (by exported name). */
  keepExport(name: string): boolean;
  /** Drop `import './x.css'` and other style imports too. */
  dropStyles?: boolean;
}

export interface SplitResult {
  source: string;
  /** The exports that were removed. */
  removedExports: string[];
}

export function splitModule(source: string, file: string, options: SplitOptions): SplitResult {
  const m = new EditedModule(source, file);
  const items = topLevelItems(m.ast);
  const declaring = new Map<string, Item[]>();
  for (const item of items) for (const name of item.names) declaring.set(name, [...(declaring.get(name) ?? []), item]);

  const closure = (roots: Item[], excluded: ReadonlySet<Item>): Set<Item> => {
    const reached = new Set<Item>();
    const queue = [...roots];
    while (queue.length > 0) {
      const item = queue.pop()!;
      if (reached.has(item) || excluded.has(item)) continue;
      reached.add(item);
      for (const name of item.refs) for (const declared of declaring.get(name) ?? []) if (!reached.has(declared)) queue.push(declared);
    }
    return reached;
  };

  const dropped = new Set(items.filter((item) => (item.exported.length > 0 && !item.exported.some((name) => options.keepExport(name))) || (options.dropStyles && item.style)));
  const before = closure(items.filter((item) => item.root || item.exported.length > 0), new Set());
  // A kept item that still names a removed one (`typeof getStaticProps` in a props type) does not keep it.
  const after = closure(items.filter((item) => item.root || item.exported.length > 0), dropped);
  const removed = items.filter((item) => dropped.has(item) || (before.has(item) && !after.has(item)));
  const removedExports = removed.flatMap((item) => item.exported);

  for (const item of removed) {
    if (!item.list) removeWithOwnComments(m, item.statement);
    else if (m.dropItem(item.list, item.node)) removeWithOwnComments(m, item.statement);
  }
  typeOnlyImportsAsTypeImports(m, items, new Set(removed));
  return { source: m.print(), removedExports };
}

/**
 * Removes a statement with the comments right above it (its doc comment, a marker), up to a blank line: what
 * stands apart from it (a file header) stays.
 */
function removeWithOwnComments(m: EditedModule, statement: Node): void {
  let start = startOf(statement);
  const comments = (m.ast.comments ?? []) as Node[];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    if (endOf(comment) > start) continue;
    const between = m.source.slice(endOf(comment), start);
    if (between.trim() !== '' || (between.match(/\n/g)?.length ?? 0) > 1) break;
    start = startOf(comment);
  }
  const ownLines = m.source.slice(m.lineStart(start), start).trim() === '' && m.source.slice(m.lineStart(startOf(statement)), startOf(statement)).trim() === '';
  if (start < startOf(statement) && ownLines) m.remove(m.lineStart(start), m.lineStart(startOf(statement)));
  m.removeStatement(statement);
}

/**
 * `import { type A, b }` left with only `type A` becomes `import type { A }`: a bundler that keeps value
 * imports as written (verbatimModuleSyntax) would otherwise still load the module for its effects.
 */
function typeOnlyImportsAsTypeImports(m: EditedModule, items: Item[], removed: Set<Item>): void {
  const byStatement = new Map<Node, Item[]>();
  for (const item of items) if (item.list && item.statement.type === 'ImportDeclaration') byStatement.set(item.statement, [...(byStatement.get(item.statement) ?? []), item]);
  for (const [statement, specifiers] of byStatement) {
    const declaration = statement as N.ImportDeclaration;
    if (declaration.importKind === 'type') continue;
    const left = specifiers.filter((item) => !removed.has(item));
    if (left.length === 0 || left.length === specifiers.length) continue;
    if (!left.every((item) => (item.node as { importKind?: string }).importKind === 'type')) continue;
    m.insert(startOf(statement) + 'import'.length, ' type');
    for (const item of left) {
      const text = m.text(item.node);
      const keyword = /^type\s+/.exec(text);
      if (keyword) m.remove(startOf(item.node), startOf(item.node) + keyword[0].length);
    }
  }
}

export function topLevelItems(ast: N.File): Item[] {
  const items: Item[] = [];
  for (const statement of ast.program.body as Node[]) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const declaration = statement as N.ImportDeclaration;
        const specifiers = (declaration.specifiers ?? []) as Node[];
        if (specifiers.length === 0) {
          items.push({ statement, node: statement, names: [], exported: [], refs: new Set(), root: true, style: STYLE.test(String(declaration.source.value)) });
          break;
        }
        for (const specifier of specifiers) {
          const local = (specifier as N.ImportSpecifier).local?.name;
          items.push({ statement, node: specifier, list: specifiers, names: local ? [String(local)] : [], exported: [], refs: new Set(), root: false });
        }
        break;
      }
      case 'ExportNamedDeclaration': {
        const declaration = statement as N.ExportNamedDeclaration;
        if (declaration.declaration) {
          const names = declaredNames(declaration.declaration as Node);
          items.push({ statement, node: statement, names, exported: names, refs: references(declaration.declaration as Node), root: false });
          break;
        }
        const specifiers = (declaration.specifiers ?? []) as Node[];
        for (const specifier of specifiers) {
          const exported = nameOf((specifier as N.ExportSpecifier).exported);
          const local = declaration.source ? undefined : nameOf((specifier as N.ExportSpecifier).local ?? (specifier as N.ExportSpecifier).exported);
          items.push({ statement, node: specifier, list: specifiers, names: [], exported: [exported], refs: new Set(local ? [local] : []), root: false });
        }
        if (specifiers.length === 0) items.push({ statement, node: statement, names: [], exported: [], refs: new Set(), root: true });
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = (statement as N.ExportDefaultDeclaration).declaration as Node;
        const id = (declaration as { id?: N.Identifier | null }).id;
        items.push({ statement, node: statement, names: id ? [id.name] : [], exported: ['default'], refs: references(declaration), root: false });
        break;
      }
      case 'ExportAllDeclaration':
        items.push({ statement, node: statement, names: [], exported: [], refs: new Set(), root: true });
        break;
      default: {
        const names = declaredNames(statement);
        items.push({ statement, node: statement, names, exported: [], refs: references(statement), root: names.length === 0 });
      }
    }
  }
  return items;
}

/** The top-level bindings a declaration statement makes ([] for a statement that is no declaration). */
function declaredNames(node: Node): string[] {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSEnumDeclaration':
    case 'TSDeclareFunction': {
      const id = (node as { id?: N.Identifier | null }).id;
      return id ? [id.name] : [];
    }
    case 'TSModuleDeclaration': {
      const id = (node as { id?: Node }).id;
      return id?.type === 'Identifier' ? [(id as N.Identifier).name] : [];
    }
    case 'VariableDeclaration':
      return (node as N.VariableDeclaration).declarations.flatMap((d) => patternNames((d as N.VariableDeclarator).id as Node));
    default:
      return [];
  }
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

function references(node: Node): Set<string> {
  const names = new Set<string>();
  walk(node, (child, parent, key) => {
    if ((child.type === 'Identifier' || child.type === 'JSXIdentifier') && isReference(parent, key)) names.add((child as N.Identifier).name);
  });
  return names;
}

function nameOf(node: Node): string {
  return node.type === 'StringLiteral' ? (node as N.StringLiteral).value : (node as N.Identifier).name;
}
