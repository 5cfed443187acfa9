import type { namedTypes as N } from 'ast-types';
import type { StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import { isDynamic } from '../../src/model/segments.js';
import { parseModule } from '../_shared/ast.js';
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
import { findExport, removeExport, type FoundExport, type LocalBinding } from '../_shared/find-export.js';
import { ensureImport } from '../_shared/imports.js';
import { addMarker, newMarkers } from '../_shared/marker.js';
import { routeFromPath, type RouteFile } from '../_shared/route-file.js';
import type { Transform, TransformResult } from '../_shared/types.js';
import { clashingBinding, insertAfter, isTypeScript, printWithGaps, rebaseRelativeImports, statements, withGap } from '../_shared/zfb-common.js';
import { keepAsLocal } from '../_shared/zfb-next-data.js';
import {
  entryHelpers,
  keepPathsLocal,
  markZfbImports,
  nextParamsExpression,
  renameNextLocals,
  unsupportedZfbPage,
} from '../_shared/zfb-source.js';
import { dropStaleMarkers, withoutStaleMarkers } from './stale-markers.js';

const n = types.namedTypes;
const b = types.builders;

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
  const ast = parseModule(input.source, input.path);
  if (findExport(ast, 'generateStaticParams')) return skip('already an app-router page: it exports generateStaticParams');
  const dynamic = isDynamic(route.segments);
  if (dynamic && !findExport(ast, 'paths')) return skip('a dynamic zfb page without paths() builds nothing; there is nothing to carry');
  const component = findExport(ast, 'default');
  if (!component) return skip('no default export: zfb would render nothing for this page');
  const ts = isTypeScript(input.path);
  const outputPath = appPagePath(route);
  // Read before the imports move: the layouts are named relative to the zfb page.
  const flat = dynamic ? readFlatPaths(ast, input.path) : undefined;
  const problem = flat ? layoutsProblem(flat.cascade, outputPath, input.readFile) : undefined;
  rebaseRelativeImports(ast, input.path, outputPath);

  const staticProps = !dynamic ? findExport(ast, 'getStaticProps') : undefined;
  if (flat && !problem) {
    const own = flat.cascade.own;
    renameNextLocals(ast, own === 'generateStaticParams' ? ['dynamicParams'] : ['generateStaticParams', 'dynamicParams']);
    const wrapper = findLocalFree(ast, ['Page', 'AppPage', 'RoutePage']);
    const clash = clashingBinding(ast, own ? ['dynamicParams'] : ['generateStaticParams', 'dynamicParams']);
    if (clash || !wrapper) return skip(`the module already has a top-level \`${clash ?? 'Page'}\`, a name the generated Next code needs`);
    splitCascade(ast, flat, component, wrapper, ts);
  } else if (dynamic || (staticProps && !staticProps.typeOnly)) {
    if (dynamic) renameNextLocals(ast, ['generateStaticParams', 'dynamicParams']);
    const wrapper = findLocalFree(ast, ['Page', 'AppPage', 'RoutePage']);
    const clash = clashingBinding(ast, GENERATED_NAMES);
    if (clash || !wrapper) return skip(`the module already has a top-level \`${clash ?? 'Page'}\`, a name the generated Next code needs`);
    const original = keepComponentLocal(ast, component);
    const any = ts ? ' as any' : '';
    let code: string;
    let anchor: N.Node | undefined;
    if (dynamic) {
      const paths = keepPathsLocal(ast)!;
      anchor = paths.found.local?.statement;
      ensureImport(ast, 'next/navigation', 'notFound');
      code = [
        entryHelpers(ts, route.segments, paths.local),
        ``,
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
      const props = keepAsLocal(ast, 'getStaticProps')!;
      anchor = props.found.local?.statement;
      code = [
        `/** zfb calls a static page's getStaticProps() with no argument and spreads its props into the component. */`,
        `export default async function ${wrapper}() {`,
        `  const result${any ? ': any' : ''} = await ${props.local}();`,
        `  return <${original} {...result.props} />;`,
        `}`,
      ].join('\n');
    }
    const generated = statements(code, ts);
    if (problem) {
      const exported = generated.find((s) => n.ExportNamedDeclaration.check(s) && n.FunctionDeclaration.check(s.declaration) && s.declaration.id?.name === 'generateStaticParams');
      addMarker(exported!, keptFlatReason(problem, flat!.cascade));
    }
    insertAfter(ast, anchor && ast.program.body.includes(anchor as never) ? anchor : undefined, withGap(generated));
  }
  dropStaleMarkers(ast, outputPath, input.readFile);
  markZfbImports(ast);
  const source = withoutStaleMarkers(printWithGaps(ast));
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
function splitCascade(ast: N.File, flat: FlatPaths, component: FoundExport, wrapper: string, ts: boolean): void {
  const original = keepComponentLocal(ast, component);
  if (flat.cascade.own) exportOwnParams(ast, flat.cascade.own);
  const body = ast.program.body;
  const glue = flat.paths.local.statement;
  if (flat.paths.statement !== glue) removeExport(ast, flat.paths);
  const at = body.indexOf(glue);
  const code = [
    `// zfb built only the URLs paths() listed: every other URL is a 404 here too.`,
    `export const dynamicParams = false;`,
    ``,
    `/** Renders the zfb component with what zfb gives it: the params, as a plain object. */`,
    `export default async function ${wrapper}({ params }${ts ? ': { params: Promise<Record<string, any>> }' : ''}) {`,
    `  return <${original} {...({ params: await params }${ts ? ' as any' : ''})} />;`,
    `}`,
  ].join('\n');
  const generated = withGap(statements(code, ts));
  // The glue's comments go above the generated code, but for app-to-zfb's description of paths(), which is gone:
  // a marker on it (what zfb changed for unlisted URLs) still tells what this page now does, and a comment
  // someone wrote there is theirs to keep.
  const carried = ((glue as { comments?: Comment[] | null }).comments ?? [])
    .filter((c) => !(c.leading && c.type === 'CommentBlock' && PATHS_DOC.test(c.value)))
    .map(({ type, value }): Comment => ({ type, value, leading: true, trailing: false }));
  const first = generated[0] as { comments?: Comment[] };
  if (carried.length) first.comments = [first.comments![0]!, ...carried, ...first.comments!.slice(1)];
  body.splice(at, 1, ...generated);
  // A comment above a dropped layout import (a file header, say) moves to the statement after it, which may be
  // one of the generated ones.
  dropLayoutImports(ast, flat.cascade);
  for (const statement of generated) detachForeignComments(statement);
}

/**
 * Takes the zfb page's positions off the comments that moved onto `statement`, parsed from generated code:
 * recast spaces a statement by its own source range widened by its comments' (util.getTrueLoc, read in
 * printer.js printStatementSequence), so a position in the zfb page read against the generated code's lines
 * points past their end (a TypeError in Lines.getIndentAt) or at unrelated text. Without one, recast prints
 * the comment on a line of its own.
 */
function detachForeignComments(statement: N.Node): void {
  const lines = statement.loc && (statement.loc as { lines?: unknown }).lines;
  for (const comment of (statement as { comments?: Comment[] | null }).comments ?? []) {
    if (comment.loc && comment.loc.lines !== lines) delete comment.loc;
  }
}

/** The doc comment app-to-zfb writes above the paths() it generates (codemods/app-to-zfb/index.ts). */
const PATHS_DOC = /^\*\s*\n\s*\* The URLs zfb builds\b/;

interface Comment {
  type: string;
  value: string;
  leading?: boolean;
  trailing?: boolean;
  loc?: { lines?: unknown };
}

function findLocalFree(ast: N.File, names: readonly string[]): string | undefined {
  return names.find((name) => !clashingBinding(ast, [name]));
}

/**
 * The zfb component stops being the default export (the generated page is) and stays as a named local:
 * `export default function Post()` → `function Post()`, an anonymous one gets the name `ZfbPage`.
 */
function keepComponentLocal(ast: N.File, found: FoundExport): string {
  const statement = found.statement;
  if (found.form !== 'default' || !n.ExportDefaultDeclaration.check(statement)) {
    removeExport(ast, found);
    return found.local?.name ?? 'ZfbPage';
  }
  const declaration = statement.declaration;
  const body = ast.program.body;
  const index = body.indexOf(statement);
  if (n.Identifier.check(declaration)) {
    body.splice(index, 1);
    return declaration.name;
  }
  let replacement: StatementKind;
  let name: string;
  if ((n.FunctionDeclaration.check(declaration) || n.ClassDeclaration.check(declaration)) && declaration.id) {
    replacement = declaration as StatementKind;
    name = String(declaration.id.name);
  } else if (n.FunctionDeclaration.check(declaration) || n.ClassDeclaration.check(declaration)) {
    name = 'ZfbPage';
    declaration.id = b.identifier(name);
    replacement = declaration as StatementKind;
  } else {
    name = 'ZfbPage';
    replacement = b.variableDeclaration('const', [b.variableDeclarator(b.identifier(name), declaration as never)]);
  }
  const comments = (statement as { comments?: unknown[] }).comments;
  if (comments?.length) (replacement as { comments?: unknown[] }).comments = comments;
  // Generated code now sits before it: keep the component visibly apart.
  body.splice(index, 1, ...withGap([replacement]));
  return name;
}
