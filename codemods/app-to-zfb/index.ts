import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { isDynamic } from '../../src/model/segments.js';
import type { Segment } from '../../src/model/types.js';
import { readModule } from '../_shared/ast.js';
import { EditedModule } from '../_shared/edited-module.js';
import { findExport, ownStatement, unwrapExpression } from '../_shared/find-export.js';
import { staticValue } from '../_shared/literal.js';
import { newMarkers, withMarkers } from '../_shared/marker.js';
import { APP_DATA_EXPORTS, markOpaque, opaqueExports } from '../_shared/opaque-exports.js';
import { removeExport, rewriteRelativeImports } from '../_shared/module-edits.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import { appAncestorFolders, routeFromPath, type RouteFile } from '../_shared/route-file.js';
import type { Transform, TransformResult } from '../_shared/types.js';
import { walk } from '../_shared/walk.js';
import { access, clashingBinding, identifierFor, markNodeOnlyCode, markNodeOnlyImports, objectKey, routeKeys } from '../_shared/zfb-common.js';
import { keepAsLocal, migrateNextImports } from '../_shared/zfb-edits.js';
import { hoistNestedAsyncComponents } from './hoist.js';
import { layoutsMarker, SEGMENT_CONFIG_ADVICE } from './marker-texts.js';

const n = types.namedTypes;

const LAYOUT_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js'];

/** One generateStaticParams of the cascade, top layout first, the page last. */
interface Provider {
  local: string;
  /** The layout file it comes from (project-relative); undefined for the page's own. */
  layout?: string;
  takesNoArgument?: boolean;
}

/**
 * An app-router page (and the layouts above it) into a zfb page at pages/<route>.tsx. The layouts'
 * generateStaticParams are imported, the page's stays local, and one `paths()` runs them the way Next's
 * cascade does. The page component keeps loading its data itself (zfb awaits the page function), with
 * `await params` read as the plain object zfb passes. A nested async component's awaits move into the page
 * function where that is safe (./hoist.ts); what zfb cannot render or serve is marked.
 */
const appToZfb: Transform = (input) => {
  const route = routeFromPath(input.path);
  if (!route || route.router !== 'app' || route.role !== 'page') return skip('not an app-router page (app/**/page.tsx)');
  if (!/^\.(tsx|ts|jsx|js)$/.test(route.ext)) return skip(`zfb-next does not migrate ${route.ext} pages`);
  const folders = route.folder ? route.folder.split('/') : [];
  if (folders.some((f) => f.startsWith('@'))) return skip('a parallel-route slot (@folder) has no zfb equivalent: zfb pages have one component each');
  if (folders.some((f) => /^\(\.{1,3}\)/.test(f))) return skip('an intercepting route has no zfb equivalent');
  if (folders.some((f) => f.startsWith('_'))) return skip('a private folder (_folder) is not a route');

  const outputPath = zfbPagePath(route);
  const m = new EditedModule(input.source, input.path);
  const ast = m.ast;
  const opaque = opaqueExports(ast, APP_DATA_EXPORTS);
  if (opaque.length > 0) return markOpaque(m, input, opaque);
  const ts = m.typescript;
  const clash = clashingBinding(ast, ['paths', 'rootLayoutParams']);
  if (clash) return skip(`the module already has a top-level \`${clash}\`, the name the generated zfb code needs`);

  const layouts = readLayouts(route, input.readFile);
  const providers: Provider[] = [];
  const layoutImports: string[] = [];
  for (const layout of layouts) {
    if (!layout.generates) continue;
    const local = uniqueName(ast, providers, layout.name);
    providers.push({ local, layout: layout.file });
    const specifier = relativeSpecifier(outputPath, layout.file.replace(/\.[^./]+$/, ''));
    const reasons = layout.runtimeImports.length
      ? [`importing ${layout.file} also bundles its ${layout.runtimeImports.join(', ')} imports into this zfb page: move generateStaticParams into a module of its own`]
      : [];
    layoutImports.push(withMarkers(`import { generateStaticParams as ${local} } from '${specifier}';`, reasons));
  }

  const page = keepAsLocal(m, 'generateStaticParams', { moveSpecifier: (specifier) => moveSpecifier(specifier, input.path, outputPath) });
  if (page) providers.push({ local: page.local, takesNoArgument: page.found.local?.fn?.params.length === 0 });
  let notFoundForUnlisted = layouts.some((l) => l.dynamicParams === false);
  const dynamicParams = findExport(ast, 'dynamicParams');
  if (dynamicParams) {
    if (staticValue(unwrapExpression(dynamicParams.local?.init)) === false) notFoundForUnlisted = true;
    removeExport(m, dynamicParams);
  }

  markSegmentConfig(m);
  readParamsAsPlainObject(m);
  hoistNestedAsyncComponents(m, input.path, (specifier) => moveSpecifier(specifier, input.path, outputPath), input.readFile);
  const layoutsWithUi = layouts.filter((l) => l.hasComponent).map((l) => l.file);
  const component = findExport(ast, 'default');
  if (component && layoutsWithUi.length) {
    m.marker(component.statement, layoutsMarker(layoutsWithUi));
  }

  let generated: string | undefined;
  if (isDynamic(route.segments)) {
    const code = providers.length ? cascadeFunction(ts, route.segments, providers) : emptyPathsFunction();
    const notes: string[] = [];
    if (!providers.length) {
      notes.push('no generateStaticParams: Next rendered every URL of this route on request; list them here, zfb builds only these');
    } else if (!notFoundForUnlisted) {
      notes.push('dynamicParams is true (the default): Next rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404');
    }
    generated = withMarkers(code, notes);
  }
  // The layouts' imports after the module's own; paths() after the page's generateStaticParams, or after the imports.
  const body = ast.program.body as N.Node[];
  const lastImport = body.filter((s) => s.type === 'ImportDeclaration').at(-1);
  const imports = layoutImports.join('\n');
  const anchor = ownStatement(page?.found);
  if (lastImport) {
    if (imports) m.insertAfter(lastImport, imports, '\n');
    if (generated && !anchor) m.insertAfter(lastImport, generated);
  } else if (imports && body[0]) {
    // No import of its own: the layouts' imports go on top, paths() after them.
    m.insertBefore(body[0], imports);
    if (generated && !anchor) m.insertBefore(body[0], generated);
  } else if (generated && !anchor && page?.found.form === 're-export') {
    // After the import a re-exported generateStaticParams becomes.
    m.insertBefore(page.found.statement, generated);
  } else if (generated && !anchor) {
    m.insertAfter(undefined, generated);
  }
  if (generated && anchor) m.insertAfter(anchor, generated);

  rewriteRelativeImports(m, input.path, outputPath);
  markNodeOnlyCode(ast, (node, reason) => m.marker(node, reason));
  markNodeOnlyImports(ast, input.path, input.readFile, (node, reason) => m.marker(node, reason));
  migrateNextImports(m);
  const source = m.print();
  return { source, outputPath, markers: newMarkers(input.source, source) };
};

export default appToZfb;

function skip(reason: string): TransformResult {
  return { source: null, markers: [], skipped: reason };
}

/** pages/<route>.tsx: groups are already gone from the pattern; a folder named `index` keeps its own index. */
export function zfbPagePath(route: RouteFile): string {
  if (route.pattern === '/') return 'pages/index.tsx';
  const last = route.segments.at(-1);
  if (last?.kind === 'static' && last.value === 'index') return `pages${route.pattern}/index.tsx`;
  return `pages${route.pattern}.tsx`;
}

function relativeSpecifier(fromFile: string, toFile: string): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

interface LayoutInfo {
  file: string;
  name: string;
  generates: boolean;
  dynamicParams?: unknown;
  hasComponent: boolean;
  /** Non-relative, non-type imports (next/font, CSS, …) that would ride along when the layout is imported. */
  runtimeImports: string[];
}

function readLayouts(route: RouteFile, readFile: (path: string) => string | undefined): LayoutInfo[] {
  const layouts: LayoutInfo[] = [];
  for (const folder of appAncestorFolders(route)) {
    for (const ext of LAYOUT_EXTENSIONS) {
      const file = `${route.dir}/${folder ? `${folder}/` : ''}layout${ext}`;
      const source = readFile(file);
      if (source === undefined) continue;
      const ast = readModule(source, file);
      const generates = findExport(ast, 'generateStaticParams');
      const dynamicParams = findExport(ast, 'dynamicParams');
      const last = folder.split('/').at(-1) ?? '';
      const runtimeImports = ast.program.body
        .filter((s): s is N.ImportDeclaration => n.ImportDeclaration.check(s) && s.importKind !== 'type')
        .map((s) => String(s.source.value))
        .filter((s) => s === 'next' || s.startsWith('next/') || /\.(css|scss|sass|less)$/.test(s));
      layouts.push({
        file,
        name: `${folder ? identifierFor(last) : 'root'}LayoutParams`,
        generates: !!generates && !generates.typeOnly,
        dynamicParams: dynamicParams ? staticValue(unwrapExpression(dynamicParams.local?.init)) : undefined,
        hasComponent: !!findExport(ast, 'default'),
        runtimeImports: [...new Set(runtimeImports)],
      });
      break;
    }
  }
  return layouts;
}

function uniqueName(ast: N.File, taken: readonly Provider[], wanted: string): string {
  let name = wanted;
  for (let i = 2; clashingBinding(ast, [name]) || taken.some((p) => p.local === name); i++) name = `${wanted}${i}`;
  return name;
}

function emptyPathsFunction(): string {
  return 'export function paths() {\n  return [];\n}';
}

/** The generated `paths()`: Next's generateStaticParams cascade, then its checks on the params sets. */
function cascadeFunction(ts: boolean, segments: readonly Segment[], providers: readonly Provider[]): string {
  const keys = routeKeys(segments);
  const anyParams = ts ? ': Record<string, any>[]' : '';
  const lines = [
    `/**`,
    ` * The URLs zfb builds${providers.length > 1 ? ', from the generateStaticParams cascade Next runs: each function is called' : ''}`,
  ];
  if (providers.length > 1) {
    lines.push(
      ` * once per params set of the one above it (child keys win; a child returning [] keeps the parent's set).`,
      ` */`,
      `export async function paths() {`,
      `  const cascade${ts ? ': Array<(input: { params: any }) => any>' : ''} = [${providers.map((p) => p.local).join(', ')}];`,
      `  let sets${anyParams} = [];`,
      `  for (const generate of cascade) {`,
      `    if (sets.length === 0) {`,
      `      sets = await generate({ params: {} });`,
      `      continue;`,
      `    }`,
      `    const next = [];`,
      `    for (const parent of sets) {`,
      `      const found = await generate({ params: parent });`,
      `      if (found.length === 0) next.push(parent);`,
      `      else for (const item of found) next.push({ ...parent, ...item });`,
      `    }`,
      `    sets = next;`,
      `  }`,
    );
  } else {
    lines[1] = ` * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.`;
    // Next calls it with { params: {} }; a function that takes no argument is called without one (so its type fits).
    const argument = providers[0]!.takesNoArgument ? '' : '{ params: {} }';
    lines.push(` */`, `export async function paths() {`, `  const sets${anyParams} = await ${providers[0]!.local}(${argument});`);
  }
  const presence = keys.map((k) => `${JSON.stringify(k.name).replace(/"/g, "'")} in set`).join(' && ');
  const picked = keys
    .map((k) => `${objectKey(k.name)}: ${access('set', k.name)}${k.kind === 'optional-catchall' ? ' || []' : ''}`)
    .join(', ');
  const empty = keys.filter((k) => k.kind !== 'optional-catchall').map((k) => `!${access('params', k.name)}`);
  lines.push(
    `  // Next builds none of the route's URLs when one params set lacks a key.`,
    `  if (sets.some((set) => !(${presence}))) return [];`,
    `  const seen = new Set${ts ? '<string>' : ''}();`,
    `  const entries = [];`,
    `  for (const set of sets) {`,
    `    const params = { ${picked} };`,
  );
  if (empty.length) {
    lines.push(`    // Next drops a params set with an empty value.`, `    if (${empty.join(' || ')}) continue;`);
  }
  lines.push(
    `    const key = JSON.stringify(params);`,
    `    // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.`,
    `    if (seen.has(key)) continue;`,
    `    seen.add(key);`,
    `    entries.push({ params });`,
    `  }`,
    `  return entries;`,
    `}`,
  );
  return lines.join('\n');
}

/** Route segment config and metadata exports: zfb reads none of them. */
function markSegmentConfig(m: EditedModule): void {
  for (const [name, advice] of Object.entries(SEGMENT_CONFIG_ADVICE)) {
    const found = findExport(m.ast, name);
    if (found && !found.typeOnly) m.marker(found.statement, advice);
  }
  const dynamic = findExport(m.ast, 'dynamic');
  const value = dynamic ? staticValue(unwrapExpression(dynamic.local?.init)) : undefined;
  if (dynamic && value !== 'force-static' && value !== 'error' && value !== 'auto') {
    m.marker(dynamic.statement, `dynamic = ${JSON.stringify(value)}: zfb renders every page once, at build time`);
  }
}

/**
 * zfb passes `params` as a plain object, not the Promise of Next 15+: `await params` becomes `params`, and a
 * `params: Promise<T>` prop type becomes `params: T`. `searchParams` has no meaning in a static build.
 */
function readParamsAsPlainObject(m: EditedModule): void {
  walk(m.ast.program, (node) => {
    if (node.type === 'AwaitExpression') {
      const argument = unwrapExpression((node as N.AwaitExpression).argument ?? undefined);
      const isParams =
        (argument?.type === 'Identifier' && (argument as N.Identifier).name === 'params') ||
        (argument?.type === 'MemberExpression' &&
          (argument as N.MemberExpression).property.type === 'Identifier' &&
          ((argument as N.MemberExpression).property as N.Identifier).name === 'params' &&
          !(argument as N.MemberExpression).computed);
      if (isParams) {
        m.replace(node, m.text(argument!));
        return false;
      }
      return undefined;
    }
    if (node.type !== 'TSPropertySignature') return undefined;
    const { key, typeAnnotation } = node as N.TSPropertySignature;
    const annotation = typeAnnotation?.typeAnnotation as N.Node | undefined;
    if (key.type === 'Identifier' && (key as N.Identifier).name === 'params' && annotation?.type === 'TSTypeReference') {
      const reference = annotation as N.TSTypeReference;
      const parameters = (reference as { typeParameters?: { params: N.Node[] } }).typeParameters?.params;
      if (reference.typeName.type === 'Identifier' && reference.typeName.name === 'Promise' && parameters?.length === 1) {
        m.replace(annotation, m.text(parameters[0]!));
        return false;
      }
    }
    if (key.type === 'Identifier' && (key as N.Identifier).name === 'searchParams') {
      m.marker(node, 'zfb builds each page once, without a query string, and passes no searchParams (it is undefined)');
    }
    return undefined;
  });
}
