import type { namedTypes as N } from 'ast-types';
import { EditedModule, endOf, startOf } from '../../codemods/_shared/edited-module.js';
import { walk } from '../../codemods/_shared/walk.js';
import type { ModuleResolver } from './resolve.js';

/**
 * Client components keep working in the browser. zfb hydrates only what a page wraps in its `<Island>`
 * (reference: zfb-engine.md §4; its build finds each island's component from that JSX and its import), so
 * wherever a server module renders a component imported from a "use client" module, the element is wrapped:
 * `<Counter start={3} />` → `<Island><Counter start={3} /></Island>`. The island's props travel to the
 * browser as JSON; an element that passes children (rendered on the server only) is marked instead.
 */

export interface ClientModules {
  resolver: ModuleResolver;
  /** Whether a project file is a client module ("use client" at its top). */
  isClient(file: string): boolean;
}

const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;

export function hasUseClient(text: string): boolean {
  return USE_CLIENT.test(text);
}

export function wrapIslands(source: string, file: string, clients: ClientModules): string {
  if (hasUseClient(source) || !source.includes('import')) return source;
  let m: EditedModule;
  try {
    m = new EditedModule(source, file);
  } catch {
    return source;
  }
  const clientNames = new Set<string>();
  for (const statement of m.ast.program.body as N.Node[]) {
    if (statement.type !== 'ImportDeclaration' || (statement as N.ImportDeclaration).importKind === 'type') continue;
    const target = clients.resolver.resolve(file, String((statement as N.ImportDeclaration).source.value));
    if (!target || !clients.isClient(target)) continue;
    for (const specifier of (statement as N.ImportDeclaration).specifiers ?? []) {
      if (specifier.type !== 'ImportNamespaceSpecifier' && specifier.local) clientNames.add(String(specifier.local.name));
    }
  }
  if (clientNames.size === 0) return source;
  let wrapped = 0;
  walk(m.ast.program, (node, parent) => {
    if (node.type !== 'JSXElement') return undefined;
    const element = node as N.JSXElement;
    const name = element.openingElement.name;
    if (name.type === 'JSXIdentifier' && name.name === 'Island') return false;
    if (name.type !== 'JSXIdentifier' || !clientNames.has(name.name)) return undefined;
    const children = (element.children ?? []).filter((child) => !(child.type === 'JSXText' && child.value.trim() === ''));
    if (children.length > 0) {
      const inJsx = parent?.type === 'JSXElement' || parent?.type === 'JSXFragment';
      m.marker(element, `<${name.name}> is a client component given children by the server: zfb hydrates an island from its JSON props only, so it stays static HTML here; pass the content as props to make it an island`, inJsx);
      // Its children are server-rendered content: a client component among them is an island of its own.
      return undefined;
    }
    m.insert(startOf(element), '<Island>');
    m.insert(endOf(element), '</Island>');
    wrapped++;
    return false;
  });
  if (wrapped === 0) return m.print();
  const imports = (m.ast.program.body as N.Node[]).filter((s) => s.type === 'ImportDeclaration');
  m.insertAfter(imports[imports.length - 1], `import { Island } from '@takazudo/zfb';`, '\n');
  return m.print();
}
