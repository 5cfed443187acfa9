import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import type { Segment } from '../../src/model/types.js';
import { findLocalBinding } from './find-export.js';
import { ModuleGraph, nodeApiSites } from '../../src/analysis/node-apis.js';
import { referencedValueNames, walk } from './walk.js';

const n = types.namedTypes;

/** The first name among `wanted` that is already a top-level binding (a generated name would clash with it). */
export function clashingBinding(ast: N.File, wanted: readonly string[]): string | undefined {
  return wanted.find((name) => findLocalBinding(ast, name) !== undefined);
}

/**
 * zfb runs paths() and the render in an embedded V8 without Node: `fetch()` throws, `node:*` (and every Node
 * builtin) cannot be imported, `process` is undefined except `process.env.NODE_ENV`. Marks each such spot
 * (src/analysis/node-apis.ts finds them); the migrate command can run this data code in Node before the build
 * instead. `addTo` places a marker.
 */
export function markNodeOnlyCode(ast: N.File, addTo: (node: N.Node, reason: string) => void): void {
  const marked = new Set<N.Node>();
  for (const { statement, reason } of nodeApiSites(ast)) {
    if (marked.has(statement)) continue;
    marked.add(statement);
    addTo(statement, reason);
  }
}

/** At most this many modules, and APIs of each, are named in one marker. */
const NAMED = 3;

/**
 * Marks each import of a project module through which the page reaches Node-only APIs (a data helper that
 * reads files with `fs`): zfb fails there as it would on the page's own code. The marker names the module that
 * uses them, the import chain when it is not the imported one, and the APIs with their lines. `path` is the
 * page's project path, `read` reads project files (TransformInput.readFile).
 */
export function markNodeOnlyImports(ast: N.File, path: string, read: (file: string) => string | undefined, addTo: (node: N.Node, reason: string) => void): void {
  const valueNames = referencedValueNames(ast.program);
  const graph = new ModuleGraph(read);
  for (const statement of ast.program.body) {
    if (!n.ImportDeclaration.check(statement) || statement.importKind === 'type') continue;
    const specifiers = statement.specifiers ?? [];
    // Imports used only as types are erased by the bundler: they bring no code along.
    if (specifiers.length > 0 && !specifiers.some((s) => (s as { importKind?: string }).importKind !== 'type' && valueNames.has(String(s.local?.name)))) continue;
    const target = graph.resolve(path, String(statement.source.value));
    if (target === undefined) continue;
    const reached = graph.usesReachedFrom(target);
    if (reached.length === 0) continue;
    const named = reached.slice(0, NAMED).map(({ file, uses, chain }) => {
      const apis = [...new Map(uses.map((u) => [u.api, u])).values()].slice(0, NAMED).map((u) => `${u.api} (line ${u.line})`);
      const via = chain.length > 1 ? ` (through ${chain.slice(0, -1).join(' → ')})` : '';
      return `${file}${via} uses ${apis.join(', ')}`;
    });
    const more = reached.length > NAMED ? `, and ${reached.length - NAMED} more modules` : '';
    addTo(
      statement,
      `${named.join('; ')}${more}: zfb runs paths() and pages in V8 without Node, where these fail: produce this data before the build (a JSON file the page imports)`,
    );
  }
}

/** Link props that only steer Next's client router: on a plain `<a>` they mean nothing. */
const ROUTER_ONLY_LINK_PROPS = new Set(['prefetch', 'replace', 'scroll', 'shallow', 'passHref', 'locale']);

const NEXT_MODULE_ADVICE: Record<string, string> = {
  'next/head': 'zfb has no next/head: render <title> and <meta> inside the <head> of the page or its layout',
  'next/image': 'zfb has no next/image: use <img> with the image in public/',
  'next/router': 'zfb has no next/router: pages are static HTML (read params from the page input; use islands for client code)',
  'next/navigation': 'zfb has no next/navigation: notFound()/redirect() cannot run in a static zfb page; leave such URLs out of paths()',
  'next/font': 'zfb has no next/font: load the font with a <link> or @font-face in styles/global.css',
  'next/script': 'zfb has no next/script: use a <script> tag or an island',
  'next/dynamic': 'zfb has no next/dynamic: import the component directly (or make it an island)',
};

/** What becomes of a module's Next.js runtime imports in zfb (see nextImportsPlan). */
export interface NextImportsPlan {
  /** Imports that stay, each with the marker that says what to do instead. */
  marked: { statement: N.ImportDeclaration; advice: string }[];
  /** `next/link` imports whose every use becomes a plain `<a>`, with those elements. */
  links: { statement: N.ImportDeclaration; elements: N.JSXElement[] }[];
}

/**
 * Next.js runtime imports have no zfb equivalent. `next/link` becomes a plain `<a>` when every use is a simple
 * JSX element (zfb pages are static HTML, so a link is an anchor); anything else gets a marker at its import.
 * Type-only imports (`import type { GetStaticProps } from 'next'`) are erased by the bundler and stay.
 */
export function nextImportsPlan(ast: N.File): NextImportsPlan {
  const plan: NextImportsPlan = { marked: [], links: [] };
  for (const statement of ast.program.body) {
    if (!n.ImportDeclaration.check(statement) || statement.importKind === 'type') continue;
    const source = String(statement.source.value);
    if (source !== 'next' && !source.startsWith('next/')) continue;
    const specifiers = statement.specifiers ?? [];
    if (specifiers.length > 0 && specifiers.every((s) => (s as { importKind?: string }).importKind === 'type')) continue;
    const elements = source === 'next/link' ? linkElements(ast, statement) : undefined;
    if (elements) {
      plan.links.push({ statement, elements });
      continue;
    }
    const advice =
      NEXT_MODULE_ADVICE[source] ??
      NEXT_MODULE_ADVICE[source.split('/').slice(0, 2).join('/')] ??
      `'${source}' is part of the Next.js runtime, which zfb does not have`;
    plan.marked.push({ statement, advice });
  }
  return plan;
}

/** A `<Link>` attribute that only steers Next's client router: a plain `<a>` drops it. */
export function isRouterOnlyLinkProp(attribute: N.Node): boolean {
  return n.JSXAttribute.check(attribute) && ROUTER_ONLY_LINK_PROPS.has(String(attribute.name.name));
}

/** The `<Link>` elements of a `next/link` default import, when each can become a plain `<a>`; else undefined. */
function linkElements(ast: N.File, statement: N.ImportDeclaration): N.JSXElement[] | undefined {
  const specifier = (statement.specifiers ?? []).find((s) => n.ImportDefaultSpecifier.check(s));
  if (!specifier || (statement.specifiers ?? []).length !== 1 || !specifier.local) return undefined;
  const name = String(specifier.local.name);
  const elements: N.JSXElement[] = [];
  let otherUse = false;
  walk(ast.program, (node, parent) => {
    if (node.type === 'JSXElement') {
      const opening = (node as N.JSXElement).openingElement;
      if (opening.name.type === 'JSXIdentifier' && opening.name.name === name) elements.push(node as N.JSXElement);
      return undefined;
    }
    // Any other use of the name (not in JSX, not the import itself) keeps the import: its children are not looked into.
    if (node.type !== 'Identifier') return undefined;
    if ((node as N.Identifier).name === name && parent?.type !== 'ImportDefaultSpecifier') otherUse = true;
    return false;
  });
  if (otherUse) return undefined;
  for (const element of elements) {
    for (const attribute of element.openingElement.attributes ?? []) {
      if (!n.JSXAttribute.check(attribute)) return undefined; // a spread may carry router props
      const key = String(attribute.name.name);
      if (key === 'legacyBehavior') return undefined;
      // A UrlObject href needs Next's formatter; only strings and expressions yielding strings carry over.
      if (key === 'href' && n.JSXExpressionContainer.check(attribute.value) && n.ObjectExpression.check(attribute.value.expression)) return undefined;
    }
  }
  return elements;
}

/** `[category]` → `category`, for generated identifiers. */
export function identifierFor(text: string): string {
  const words = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return /^[A-Za-z_$]/.test(joined) ? joined : `_${joined}`;
}

export type ParamSegment = Exclude<Segment, { kind: 'static' }>;

/** Route keys in URL order. */
export function routeKeys(segments: readonly Segment[]): ParamSegment[] {
  return segments.filter((s): s is ParamSegment => s.kind !== 'static');
}

/** A property access that stays valid for any param name (`params.slug`, `params['my-id']`). */
export function access(object: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}

export function objectKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Generated code: the params object's fields read from `match`, the route regex's groups in segment order,
 * decoded as Next.js decodes a string path (`slug: decodeURIComponent(match[1])`).
 */
export function paramsFromMatchFields(segments: readonly Segment[], ts: boolean): string {
  const bang = ts ? '!' : '';
  return routeKeys(segments)
    .map((k, i) => {
      const m = `match[${i + 1}]`;
      const value =
        k.kind === 'dynamic'
          ? `decodeURIComponent(${m}${bang})`
          : k.kind === 'catchall'
            ? `${m}${bang}.split('/').map(decodeURIComponent)`
            : `${m} ? ${m}.split('/').map(decodeURIComponent) : []`;
      return `${objectKey(k.name)}: ${value}`;
    })
    .join(', ');
}

/** Generated code: the locales as regex alternatives (`en|fr|de-CH`), special characters escaped. */
export function localeAlternatives(locales: readonly string[]): string {
  return locales.map((l) => l.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&')).join('|');
}
