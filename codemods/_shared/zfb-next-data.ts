import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { unwrapExpression, type FoundExport } from './find-export.js';
import { getProperty, staticValue } from './literal.js';
import { returnSites } from './returns.js';
import { walk } from './walk.js';

const n = types.namedTypes;

/** The object literals a data function returns (through casts), and whether every return is one. */
export function returnedObjects(found: FoundExport | undefined): { objects: N.ObjectExpression[]; allVisible: boolean } {
  const { sites, allVisible } = returnedObjectSites(found);
  return { objects: sites.map((s) => s.object), allVisible };
}

/** Like returnedObjects, with the `return` statement of each (undefined for an arrow's expression body). */
export function returnedObjectSites(found: FoundExport | undefined): {
  sites: { object: N.ObjectExpression; statement?: N.ReturnStatement }[];
  allVisible: boolean;
} {
  const fn = found?.local?.fn;
  if (!fn) return { sites: [], allVisible: false };
  const sites: { object: N.ObjectExpression; statement?: N.ReturnStatement }[] = [];
  let allVisible = true;
  for (const site of returnSites(fn)) {
    const value = unwrapExpression(site.value);
    if (n.ObjectExpression.check(value)) sites.push({ object: value, statement: site.statement });
    else allVisible = false;
  }
  return { sites, allVisible };
}

/**
 * getStaticProps results zfb cannot carry: `revalidate` (zfb rebuilds nothing after the build) and `redirect`
 * (zfb writes no redirects). `notFound: true` is carried (the entry is left out), so it is not marked.
 * `addTo` places a marker.
 */
export function markStaticPropsResults(found: FoundExport | undefined, addTo: (node: N.Node, reason: string) => void): void {
  for (const { object, statement } of returnedObjectSites(found).sites) {
    // On the `return` when there is one: a comment inside a one-line object literal would break its line.
    const revalidate = getProperty(object, 'revalidate');
    if (revalidate && staticValue(revalidate.value) !== false) {
      addTo(statement ?? revalidate, 'revalidate: zfb is static only; this page changes only when the site is rebuilt');
    }
    const redirect = getProperty(object, 'redirect');
    if (redirect) {
      addTo(
        statement ?? redirect,
        'redirect: zfb writes no redirects, so this URL is not built; add the redirect to your host (e.g. public/_redirects)',
      );
    }
  }
}

/** The JSX component names used anywhere in the module (`<Inner />` → 'Inner'). */
export function jsxNamesUsed(ast: N.File): Set<string> {
  const names = new Set<string>();
  walk(ast.program, (node) => {
    if (node.type !== 'JSXOpeningElement') return undefined;
    const name = (node as N.JSXOpeningElement).name;
    if (name.type === 'JSXIdentifier') names.add(name.name);
    return undefined;
  });
  return names;
}
