import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { isDynamic } from '../../src/model/segments.js';
import {
  cascadeGenerators,
  dropLayoutImports,
  exportOwnParams,
  keptFlatReason,
  layoutsProblem,
  readFlatCascade,
  usedOutside,
  type FlatCascade,
} from '../_shared/cascade-glue.js';
import { EditedModule, startOf } from '../_shared/edited-module.js';
import { findExport, ownStatement, type FoundExport, type LocalBinding } from '../_shared/find-export.js';
import { markerComment, newMarkers } from '../_shared/marker.js';
import { markOpaque, opaqueExports, ZFB_DATA_EXPORTS } from '../_shared/opaque-exports.js';
import { ensureImports, removeExport, rewriteRelativeImports } from '../_shared/module-edits.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import { routeFromPath, type RouteFile } from '../_shared/route-file.js';
import type { Transform, TransformResult } from '../_shared/types.js';
import { clashingBinding } from '../_shared/zfb-common.js';
import { keepAsLocal } from '../_shared/zfb-edits.js';
import {
  entryHelpers,
  keepPathsLocal,
  markZfbImports,
  nextParamsExpression,
  renameNextLocals,
  unsupportedZfbPage,
} from '../_shared/zfb-source.js';
import { dropStaleMarkers } from './stale-markers.js';

const n = types.namedTypes;

const GENERATED_NAMES = ['generateStaticParams', 'dynamicParams', 'zfbEntries', 'loadEntries', 'entryFor', 'nextParams'];

/**
 * A zfb page into a Next.js app-router page at app/<route>/page.tsx. paths() stays, unexported, and runs
 * unchanged: generateStaticParams returns its entries' params, `dynamicParams = false` keeps unlisted URLs a
 * 404 as on zfb, and the new async page component awaits `params`, finds the entry and renders the original
 * component with `{ params, ...props }`, the input zfb gives it.
 */
const zfbToApp: Transform = (input) => {
  const route = routeFromPath(input.path);
  if (!route || route.router !== 'pages') return skip('not a file under pages/');
  const unsupported = unsupportedZfbPage(input.path, route.folder, route.ext);
  if (unsupported) return skip(unsupported);
  const m = new EditedModule(input.source, input.path);
  const ast = m.ast;
  if (findExport(ast, 'generateStaticParams')) return skip('already an app-router page: it exports generateStaticParams');
  const opaque = opaqueExports(ast, ZFB_DATA_EXPORTS);
  if (opaque.length > 0) return markOpaque(m, input, opaque);
  const dynamic = isDynamic(route.segments);
  if (dynamic && !findExport(ast, 'paths')) return skip('a dynamic zfb page without paths() builds nothing; there is nothing to carry');
  const component = findExport(ast, 'default');
  if (!component) return skip('no default export: zfb would render nothing for this page');
  const ts = m.typescript;
  const outputPath = appPagePath(route);
  const move = (specifier: string): string => moveSpecifier(specifier, input.path, outputPath);
  // The layouts are named relative to the zfb page.
  const flat = dynamic ? readFlatPaths(ast, input.path) : undefined;
  const problem = flat ? layoutsProblem(flat.cascade, outputPath, input.readFile) : undefined;

  const staticProps = !dynamic ? findExport(ast, 'getStaticProps') : undefined;
  if (flat && !problem) {
    const own = flat.cascade.own;
    const renamed = renameNextLocals(m, own === 'generateStaticParams' ? ['dynamicParams'] : ['generateStaticParams', 'dynamicParams']);
    const wrapper = findLocalFree(ast, ['Page', 'AppPage', 'RoutePage']);
    const clash = clashingBinding(ast, (own ? ['dynamicParams'] : ['generateStaticParams', 'dynamicParams']).filter((name) => !renamed.has(name)));
    if (clash || !wrapper) return skip(`the module already has a top-level \`${clash ?? 'Page'}\`, a name the generated Next code needs`);
    splitCascade(m, flat, component, wrapper);
  } else if (dynamic || (staticProps && !staticProps.typeOnly)) {
    const renamed = dynamic ? renameNextLocals(m, ['generateStaticParams', 'dynamicParams']) : new Set<string>();
    const wrapper = findLocalFree(ast, ['Page', 'AppPage', 'RoutePage']);
    const clash = clashingBinding(ast, GENERATED_NAMES.filter((name) => !renamed.has(name)));
    if (clash || !wrapper) return skip(`the module already has a top-level \`${clash ?? 'Page'}\`, a name the generated Next code needs`);
    const original = keepComponentLocal(m, component);
    const any = ts ? ' as any' : '';
    let code: string;
    let found: FoundExport;
    if (dynamic) {
      const paths = keepPathsLocal(m, move)!;
      found = paths.found;
      ensureImports(m, 'next/navigation', ['notFound']);
      code = [
        entryHelpers(ts, route.segments, paths.local),
        ``,
        ...(problem ? [markerComment(keptFlatReason(problem, flat!.cascade))] : []),
        `export async function generateStaticParams() {`,
        `  const entries = await loadEntries();`,
        `  return entries.map((entry${ts ? ': any' : ''}) => ${nextParamsExpression(route.segments, 'entry.params')});`,
        `}`,
        ``,
        `// zfb builds only the URLs paths() lists: every other URL is a 404 here too.`,
        `export const dynamicParams = false;`,
        ``,
        `/** Renders the zfb component with what zfb gives it: the entry's params with its props spread beside them. */`,
        `export default async function ${wrapper}({ params }${ts ? ': { params: Promise<Record<string, any>> }' : ''}) {`,
        `  const entry = await entryFor(await params);`,
        `  if (!entry) notFound();`,
        `  return <${original} {...({ params: entry.params, ...entry.props }${any})} />;`,
        `}`,
      ].join('\n');
    } else {
      const props = keepAsLocal(m, 'getStaticProps', { moveSpecifier: move })!;
      found = props.found;
      code = [
        `/** zfb calls a static page's getStaticProps() with no argument and spreads its props into the component. */`,
        `export default async function ${wrapper}() {`,
        `  const result${any ? ': any' : ''} = await ${props.local}();`,
        `  return <${original} {...result.props} />;`,
        `}`,
      ].join('\n');
    }
    // After the data function it calls, when that is one of this module; else at the end.
    m.insertAfter(ownStatement(found), code);
  }
  dropStaleMarkers(m, outputPath, input.readFile);
  markZfbImports(m);
  rewriteRelativeImports(m, input.path, outputPath);
  const source = m.print();
  return { source, outputPath, markers: newMarkers(input.source, source) };
};

export default zfbToApp;

function skip(reason: string): TransformResult {
  return { source: null, markers: [], skipped: reason };
}

/** app/<route>/page.tsx; zfb needs pages/ at the project root, so the app/ folder goes there too. */
export function appPagePath(route: RouteFile): string {
  return `app${route.pattern === '/' ? '' : route.pattern}/page.tsx`;
}

interface FlatPaths {
  cascade: FlatCascade;
  paths: FoundExport & { local: LocalBinding };
}

/**
 * app-to-zfb's paths(): a generateStaticParams cascade flattened into one function, from layouts whose
 * generateStaticParams it imports. Undefined when paths() is anything else, or when other code uses it.
 */
function readFlatPaths(ast: N.File, file: string): FlatPaths | undefined {
  const paths = findExport(ast, 'paths');
  const local = paths?.local;
  if (!paths || paths.typeOnly || !local?.fn || local.importedFrom !== undefined) return undefined;
  const generators = cascadeGenerators(local.fn);
  const cascade = generators ? readFlatCascade(ast, generators, file) : undefined;
  if (!cascade || usedOutside(ast, local.name, [local.statement, paths.statement])) return undefined;
  return { cascade, paths: paths as FlatPaths['paths'] };
}

/**
 * The flattened cascade split back: the layouts (still in app/) run their generateStaticParams again, so the
 * page exports only its own function, and paths() with its cascade and Next-style checks goes, as do the
 * layout imports. The page component gets what zfb gave it: the params, as a plain object.
 */
function splitCascade(m: EditedModule, flat: FlatPaths, component: FoundExport, wrapper: string): void {
  const ts = m.typescript;
  const original = keepComponentLocal(m, component);
  if (flat.cascade.own) exportOwnParams(m, flat.cascade.own);
  const glue = flat.paths.local.statement;
  if (flat.paths.statement !== glue) removeExport(m, flat.paths);
  const code = [
    `// zfb built only the URLs paths() listed: every other URL is a 404 here too.`,
    `export const dynamicParams = false;`,
    ``,
    `/** Renders the zfb component with what zfb gives it: the params, as a plain object. */`,
    `export default async function ${wrapper}({ params }${ts ? ': { params: Promise<Record<string, any>> }' : ''}) {`,
    `  return <${original} {...({ params: await params }${ts ? ' as any' : ''})} />;`,
    `}`,
  ].join('\n');
  // The generated code takes the glue's place, below the comments above it, but for app-to-zfb's description
  // of paths(), which is gone: a marker there (what zfb changed for unlisted URLs) still tells what this page
  // now does, and a comment someone wrote there is theirs to keep.
  for (const comment of (m.ast.comments ?? []) as N.Node[]) {
    const above = startOf(comment) >= m.commentStart(glue) && startOf(comment) < startOf(glue);
    if (above && comment.type === 'CommentBlock' && PATHS_DOC.test((comment as unknown as { value: string }).value)) m.removeLines(comment);
  }
  // Whatever was edited inside paths() goes with it.
  m.rewrite(glue, () => m.layout(code, ''));
  dropLayoutImports(m, flat.cascade);
}

/** The doc comment app-to-zfb writes above the paths() it generates (codemods/app-to-zfb/index.ts). */
const PATHS_DOC = /^\*\s*\n\s*\* The URLs zfb builds\b/;

function findLocalFree(ast: N.File, names: readonly string[]): string | undefined {
  return names.find((name) => !clashingBinding(ast, [name]));
}

/**
 * The zfb component stops being the default export (the generated page is) and stays as a named local:
 * `export default function Post()` → `function Post()`, an anonymous one gets the name `ZfbPage`.
 */
function keepComponentLocal(m: EditedModule, found: FoundExport): string {
  const statement = found.statement;
  if (found.form !== 'default' || !n.ExportDefaultDeclaration.check(statement)) {
    removeExport(m, found);
    return found.local?.name ?? 'ZfbPage';
  }
  const declaration = statement.declaration as N.Node;
  const name = 'ZfbPage';
  if (n.Identifier.check(declaration)) {
    m.removeStatement(statement);
    return declaration.name;
  }
  if ((n.FunctionDeclaration.check(declaration) || n.ClassDeclaration.check(declaration)) && declaration.id) {
    m.remove(startOf(statement), startOf(declaration));
    return String(declaration.id.name);
  }
  if (n.FunctionDeclaration.check(declaration) || n.ClassDeclaration.check(declaration)) {
    // `export default function () {}` → `function ZfbPage() {}` (a class likewise).
    const keyword = n.ClassDeclaration.check(declaration) ? 'class' : 'function';
    const at = m.source.indexOf(keyword, startOf(declaration)) + keyword.length;
    const star = m.source.slice(at).match(/^\s*\*/)?.[0] ?? '';
    m.remove(startOf(statement), startOf(declaration));
    m.insert(at + star.length, ` ${name}`);
    return name;
  }
  m.edits.replace(startOf(statement), startOf(declaration), `const ${name} = `);
  return name;
}
