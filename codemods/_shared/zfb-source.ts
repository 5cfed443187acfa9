import type { namedTypes as N } from 'ast-types';
import type { Segment } from '../../src/model/types.js';
import type { EditedModule } from './edited-module.js';
import { findExport, findLocalBinding, type FoundExport } from './find-export.js';
import { renameBinding } from './module-edits.js';
import { walkWithAncestors } from './walk.js';
import { access, objectKey, routeKeys } from './zfb-common.js';
import { keepAsLocal } from './zfb-edits.js';

/** A zfb page file that a Next.js target cannot serve as a page, with the reason; undefined when it can. */
export function unsupportedZfbPage(path: string, folder: string, ext: string): string | undefined {
  if (ext !== '.tsx') return `only .tsx zfb pages are migrated (zfb 0.1.0-next.89 routes ${ext} pages on its own terms)`;
  if (folder.split('/').some((p) => p.startsWith('_')) || /(?:^|\/)_[^/]*$/.test(path)) return 'zfb ignores files starting with `_`';
  if (/\.client\.tsx$/.test(path)) return 'a zfb client-script entry, not a page';
  const stem = path.split('/').pop()!.replace(/\.tsx$/, '');
  if (!stem.startsWith('[') && stem.includes('.')) return 'a zfb non-HTML endpoint (name.<ext>.tsx): Next needs a route handler for it';
  if (/^(?:src\/)?pages\/(?:404|500)\.tsx$/.test(path)) return 'zfb error page: Next has its own 404/500 conventions';
  return undefined;
}

/** zfb's `paths()` taken out of the exports, kept as a local function the generated code calls. */
export function keepPathsLocal(m: EditedModule, moveSpecifier?: (specifier: string) => string): { local: string; found: FoundExport } | undefined {
  return keepAsLocal(m, 'paths', { unseen: 'zfb-only data access such as @takazudo/zfb/content', moveSpecifier });
}

/** Imports of the zfb SDK (`@takazudo/zfb/content`, `zfb/content`, …) only work inside a zfb build. */
export function markZfbImports(m: EditedModule): void {
  const isZfb = (source: string) => source === 'zfb' || source.startsWith('zfb/') || source.startsWith('@takazudo/zfb');
  const reason = (source: string) => `'${source}' works only inside a zfb build: load this data another way (e.g. read the files in Node)`;
  for (const statement of m.ast.program.body as N.Node[]) {
    if (statement.type !== 'ImportDeclaration' || (statement as N.ImportDeclaration).importKind === 'type') continue;
    const source = String((statement as N.ImportDeclaration).source.value);
    if (isZfb(source)) m.marker(statement, reason(source));
  }
  // The zfb scaffold's style: `const { getCollection } = await import('@takazudo/zfb/content')` inside paths().
  // Each statement holding such an import() (not inside a function of its own) is marked, innermost first.
  walkWithAncestors(m.ast.program, (node, ancestors) => {
    const call = node as N.CallExpression;
    const literal = node.type === 'ImportExpression' ? (node as { source?: N.Node }).source : node.type === 'CallExpression' && call.callee.type === 'Import' ? (call.arguments[0] as N.Node | undefined) : undefined;
    if (literal?.type !== 'StringLiteral' || !isZfb((literal as N.StringLiteral).value)) return undefined;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const holder = ancestors[i]!;
      if (/Function|Method$/.test(holder.type)) break;
      if (/(?:Statement|Declaration)$/.test(holder.type) && holder.type !== 'BlockStatement') m.marker(holder, reason((literal as N.StringLiteral).value));
    }
    return undefined;
  });
}

/**
 * Source text of the helpers both Next targets need: `loadEntries()` runs paths() once per process, and
 * `entryFor(params)` finds the entry a URL was built from. zfb accepts a catch-all as 'a/b' or ['a', 'b'];
 * Next wants the array, so `nextParams` splits the string form.
 */
export function entryHelpers(ts: boolean, segments: readonly Segment[], pathsLocal: string): string {
  const keys = routeKeys(segments);
  const catchalls = keys.filter((k) => k.kind !== 'dynamic');
  const paramsType = ts ? ': Record<string, any>' : '';
  const lines = [
    `let zfbEntries${ts ? `: Promise<Awaited<ReturnType<typeof ${pathsLocal}>>> | undefined` : ''};`,
    ``,
    `/** zfb's paths() list, computed once per build process. */`,
    `function loadEntries() {`,
    `  zfbEntries ??= Promise.resolve(${pathsLocal}());`,
    `  return zfbEntries;`,
    `}`,
  ];
  if (catchalls.length) {
    lines.push(
      ``,
      `/** zfb takes a catch-all as 'a/b' or ['a', 'b']; Next wants the array. */`,
      `function nextParams(params${paramsType}) {`,
      `  const split = (value${ts ? ': any' : ''}) => (typeof value === 'string' ? value.split('/').filter(Boolean) : value);`,
      `  return { ...params, ${catchalls.map((k) => `${objectKey(k.name)}: split(${access('params', k.name)})`).join(', ')} };`,
      `}`,
    );
  }
  const compare = keys.length
    ? keys
        .map((k) =>
          k.kind === 'dynamic'
            ? `${access('entry.params', k.name)} === ${access('params', k.name)}`
            : `String(${access('nextParams(entry.params)', k.name)} ?? []) === String(${access('params', k.name)} ?? [])`,
        )
        .join(' && ')
    : 'true';
  lines.push(
    ``,
    `/** The paths() entry a URL was built from, found by its params. */`,
    `async function entryFor(params${paramsType})${ts ? ': Promise<any>' : ''} {`,
    `  const entries = await loadEntries();`,
    `  return entries.find((entry${ts ? ': any' : ''}) => ${compare});`,
    `}`,
  );
  return lines.join('\n');
}

/** `params` for Next: the entry's params, catch-alls as arrays. */
export function nextParamsExpression(segments: readonly Segment[], value: string): string {
  return routeKeys(segments).some((k) => k.kind !== 'dynamic') ? `nextParams(${value})` : value;
}

/** zfb static routes get the spread props of `getStaticProps()`, called with no argument. */
export function staticPropsExport(ast: N.File): FoundExport | undefined {
  const found = findExport(ast, 'getStaticProps');
  return found && !found.typeOnly ? found : undefined;
}

/**
 * A zfb page made from a Next page (by pages-to-zfb or app-to-zfb) keeps Next's data functions as unexported
 * locals that paths() calls. Going back to Next, the generated exports need those names: the locals are
 * renamed out of the way (`getStaticPaths` → `zfbSourceGetStaticPaths`) and keep feeding paths(). Returns
 * the names renamed.
 */
export function renameNextLocals(m: EditedModule, names: readonly string[]): Set<string> {
  const renamed = new Set<string>();
  for (const name of names) {
    const local = findLocalBinding(m.ast, name);
    if (!local || local.importedFrom !== undefined || findExport(m.ast, name)) continue;
    const base = `zfbSource${name[0]!.toUpperCase()}${name.slice(1)}`;
    let to = base;
    for (let i = 2; findLocalBinding(m.ast, to); i++) to = `${base}${i}`;
    renameBinding(m, name, to);
    renamed.add(name);
  }
  return renamed;
}
