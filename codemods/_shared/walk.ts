import type { namedTypes as N } from 'ast-types';

// Position data, the token list and comments hold no code to visit.
const SKIP = new Set(['loc', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'start', 'end', 'range']);

/**
 * A plain depth-first walk over every node under `root`, with its parent: several times cheaper than
 * recast's path visitor, for scans that need no scope.
 * `visit` returning false skips the node's children.
 */
export function walk(root: N.Node, visit: (node: N.Node, parent: N.Node | undefined, key: string) => boolean | void): void {
  // Three parallel stacks, and Object.keys rather than for…in: Babel's nodes carry an enumerable method on
  // their prototype, and this loop runs for every node of every file a transform touches.
  const nodes: N.Node[] = [root];
  const parents: (N.Node | undefined)[] = [undefined];
  const keys: string[] = [''];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop();
    if (visit(node, parent, keys.pop()!) === false) continue;
    const record = node as unknown as Record<string, unknown>;
    const fields = Object.keys(record);
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const value = record[field];
      // Most fields hold a name, a flag or a position: no Set lookup for those.
      if (typeof value !== 'object' || value === null || SKIP.has(field)) continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as { type?: unknown } | null;
          if (child && typeof child.type === 'string') {
            nodes.push(child as N.Node);
            parents.push(node);
            keys.push(field);
          }
        }
      } else if (typeof (value as { type?: unknown }).type === 'string') {
        nodes.push(value as N.Node);
        parents.push(node);
        keys.push(field);
      }
    }
  }
}

/**
 * A depth-first walk like `walk`, that hands each node its ancestors (the root first, the parent last) for
 * scans that look further up than the parent. `visit` returning false skips the node's children.
 */
export function walkWithAncestors(root: N.Node, visit: (node: N.Node, ancestors: readonly N.Node[]) => boolean | void): void {
  const ancestors: N.Node[] = [];
  const enter = (node: N.Node): void => {
    if (visit(node, ancestors) === false) return;
    ancestors.push(node);
    const record = node as unknown as Record<string, unknown>;
    for (const field of Object.keys(record)) {
      const value = record[field];
      if (typeof value !== 'object' || value === null || SKIP.has(field)) continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof (child as { type?: unknown }).type === 'string') enter(child as N.Node);
      } else if (typeof (value as { type?: unknown }).type === 'string') {
        enter(value as N.Node);
      }
    }
    ancestors.pop();
  };
  enter(root);
}

/** Every identifier name used as a reference (not as a property key or member name) under `root`. */
export function referencedNames(root: N.Node): Set<string> {
  const names = new Set<string>();
  walk(root, (node, parent, key) => {
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && isReference(parent, key)) names.add((node as N.Identifier).name);
  });
  return names;
}

// Type positions: what they name is erased with them.
const TYPE_ONLY = new Set([
  'TSTypeAnnotation',
  'TSTypeParameterInstantiation',
  'TSTypeParameterDeclaration',
  'TSTypeQuery',
  'TSTypeReference',
  'TSTypeAliasDeclaration',
  'TSInterfaceDeclaration',
]);

/** Like referencedNames, leaving out names used only in type positions (`typeof x`, `: Post`). */
export function referencedValueNames(root: N.Node): Set<string> {
  const names = new Set<string>();
  walk(root, (node, parent, key) => {
    if (TYPE_ONLY.has(node.type)) return false;
    if (node.type === 'ImportDeclaration') return false;
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && isReference(parent, key)) names.add((node as N.Identifier).name);
    return undefined;
  });
  return names;
}

/**
 * Whether an identifier that is its parent's `key` field is a reference to a binding, rather than a property
 * key, a member name, an attribute name or an import's own name.
 */
export function isReference(parent: N.Node | undefined, key: string): boolean {
  if (!parent) return true;
  const p = parent as unknown as { computed?: boolean; shorthand?: boolean };
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !p.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') && key === 'key' && !p.computed && !p.shorthand) return false;
  if (parent.type === 'JSXAttribute' && key === 'name') return false;
  if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return false;
  if (parent.type === 'ExportSpecifier' && key === 'exported') return false;
  if (parent.type === 'TSQualifiedName' && key === 'right') return false;
  if ((parent.type === 'TSPropertySignature' || parent.type === 'TSMethodSignature') && key === 'key' && !p.computed) return false;
  return true;
}
