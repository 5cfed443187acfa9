import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { formatPattern, isDynamic } from '../../src/model/segments.js';
import type { Segment } from '../../src/model/types.js';
import { parseModule } from '../_shared/ast.js';
import { EditedModule, endOf, startOf } from '../_shared/edited-module.js';
import { findExport, ownStatement, unwrapExpression, type FoundExport } from '../_shared/find-export.js';
import { getProperty, propertyKey, staticValue } from '../_shared/literal.js';
import { markerComment, newMarkers, withMarkers } from '../_shared/marker.js';
import { markOpaque, opaqueExports } from '../_shared/opaque-exports.js';
import { rewriteRelativeImports } from '../_shared/module-edits.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import { routeFromPath } from '../_shared/route-file.js';
import { paramsFromStringPath, routeRegex } from '../_shared/string-path.js';
import type { Transform, TransformInput, TransformResult } from '../_shared/types.js';
import {
  access,
  clashingBinding,
  localeAlternatives,
  paramsFromMatchFields,
  markNodeOnlyCode,
  markNodeOnlyImports,
  objectKey,
  routeKeys,
} from '../_shared/zfb-common.js';
import { keepAsLocal, migrateNextImports } from '../_shared/zfb-edits.js';
import { markStaticPropsResults, returnedObjectSites, returnedObjects } from '../_shared/zfb-next-data.js';
import {
  LOCALE_PARAM,
  localeMarkers,
  localizedPathsFunction,
  localizedStaticPathsFunction,
  localizedPath,
  type I18n,
} from './locale.js';

const n = types.namedTypes;

/**
 * A pages-router page into a zfb page (zfb 0.1.0-next.89 also routes `pages/`). getStaticPaths and
 * getStaticProps stay as local functions, unexported, and run unchanged: the new `paths()` calls them and
 * returns zfb's bare `[{ params, props }]` array. Literal entries are rewritten in place (string paths into
 * params, an optional catch-all's null/false into []); whatever zfb cannot carry (fallback other than false,
 * redirect, revalidate, Node-only data code, Next runtime imports) is marked. With the project's i18n config
 * known, the page moves under pages/[locale]/ and every locale Next built becomes a `locale` param; without
 * it, locale entries are marked.
 */
const pagesToZfb: Transform = (input) => {
  const route = routeFromPath(input.path);
  if (!route || route.router !== 'pages') return skip('not a file under pages/');
  const parts = route.folder.split('/');
  if (parts.some((p) => p.startsWith('_')) || /(?:^|\/)_[^/]*$/.test(input.path)) {
    return skip('zfb ignores files and folders starting with `_` (there is no _app or _document): move their markup into a layout component');
  }
  if (parts[0] === 'api') return skip('API routes run on a server; zfb builds static pages only');
  if (!/^\.(tsx|ts|jsx|js)$/.test(route.ext)) return skip(`zfb-next does not migrate ${route.ext} pages`);

  const m = new EditedModule(input.source, input.path);
  const ast = m.ast;
  if (findExport(ast, 'paths')) return skip('already a zfb page: it exports paths()');
  const opaque = opaqueExports(ast, ['getStaticPaths', 'getStaticProps']);
  if (opaque.length > 0) return markOpaque(m, input, opaque);
  if (findExport(ast, 'getServerSideProps')) {
    return skip('getServerSideProps renders on every request; zfb builds static pages only');
  }
  const dynamic = isDynamic(route.segments);
  const hasPaths = findExport(ast, 'getStaticPaths');
  if (dynamic && !hasPaths) return skip('a dynamic page without getStaticPaths is rendered on request by Next; zfb needs paths()');

  const i18n = localizable(input.i18n, route.pattern, route.segments);
  if (dynamic || i18n) {
    const clash = clashingBinding(ast, ['paths', i18n ? 'entryFromPath' : 'paramsFromPath']);
    if (clash) return skip(`the module already has a top-level \`${clash}\`, the name the generated zfb code needs`);
  }
  // Where the page ends up: under pages/[locale]/ with i18n. Relative imports, new ones too, are seen from there.
  const path = i18n ? localizedPath(route.dir, input.path) : input.path;
  const move = (specifier: string): string => moveSpecifier(specifier, input.path, path);
  if (dynamic) migrateDynamicPage(m, input, route.segments, i18n, move);
  else if (i18n) migrateLocalizedStaticPage(m, i18n, route.pattern, move);
  else migrateStaticPage(m, route.pattern);
  if (i18n) {
    rewriteRelativeImports(m, input.path, path);
    if (!input.shimmedRuntime) markLocaleLinks(m, i18n);
  }
  if (!input.shimmedRuntime) {
    markNodeOnlyCode(ast, (node, reason) => m.marker(node, reason));
    markNodeOnlyImports(ast, input.path, input.readFile, (node, reason) => m.marker(node, reason));
    migrateNextImports(m);
  }
  return finish(m, input, route.ext, path);
};

/**
 * The i18n config when this page moves under pages/[locale]/: Next built it once per locale. The 404 and 500
 * pages stay where zfb finds them (it writes top-level 404.html/500.html only), and a route that already has
 * a `locale` param keeps today's marked form.
 */
function localizable(i18n: TransformInput['i18n'], pattern: string, segments: readonly Segment[]): I18n | undefined {
  if (!i18n || /^\/(?:404|500)$/.test(pattern)) return undefined;
  if (routeKeys(segments).some((key) => key.name === LOCALE_PARAM)) return undefined;
  return i18n;
}

export default pagesToZfb;

/**
 * With i18n, Next's <Link> put the page's locale in front of its href (`/about` → `/fr/about`, the default
 * locale unprefixed); the plain <a> it becomes in zfb does not, and zfb serves only the prefixed URLs.
 */
function markLocaleLinks(m: EditedModule, i18n: I18n): void {
  const linkImport = m.ast.program.body.some(
    (s) => n.ImportDeclaration.check(s) && s.source.value === 'next/link' && s.importKind !== 'type',
  );
  const page = findExport(m.ast, 'default');
  if (!linkImport || !page) return;
  m.marker(
    page.statement,
    `Next's <Link> added the page's locale to each href (/about became /fr/about on a 'fr' page, /about on a '${i18n.defaultLocale}' page); a zfb <a> keeps the href as written: prefix it with the locale param (\`/\${params.locale}/about\`)`,
  );
}

function skip(reason: string): TransformResult {
  return { source: null, markers: [], skipped: reason };
}

/**
 * What next build passed a static page's getStaticProps without i18n (next/dist/server/render.js: no params on
 * a static page, `locales: [...(renderOpts.locales ?? [])]`, `revalidateReason: 'build'` at build time).
 */
const NEXT_STATIC_CONTEXT = "{ locales: [], locale: undefined, defaultLocale: undefined, revalidateReason: 'build' }";

/**
 * zfb 0.1.0-next.89 calls a static page's getStaticProps() with no argument and spreads its `props` into the
 * component; a result without `props` (notFound, redirect) fails the build (reference: zfb-engine.md §3.3).
 * The context Next passed at build time becomes the parameter's default, so code that reads it (or
 * destructures it) sees the same values; notFound, redirect and results the transform cannot see are marked
 * with zfb's own error, revalidate as ignored.
 */
function migrateStaticPage(m: EditedModule, pattern: string): void {
  const found = findExport(m.ast, 'getStaticProps');
  if (!found || found.typeOnly) return;
  const mark = (node: N.Node, reason: string): void => m.marker(node, reason);
  const failure = `the zfb build fails ("getStaticProps() for \"${pattern}\" must return { props: {...} }")`;
  const local = found.local;
  const fn = local && local.importedFrom === undefined ? local.fn : undefined;
  if (!fn) {
    const where = found.source ?? local?.importedFrom;
    mark(
      found.statement,
      `getStaticProps ${where ? `comes from '${where}'` : 'is not a function of this module'}: zfb calls it with no argument (Next passed ${NEXT_STATIC_CONTEXT}), and ${failure} unless it returns { props }: check it`,
    );
    return;
  }
  const context = fn.params[0] as N.Node | undefined;
  // A default this transform wrote (a second run) is what Next passed.
  if (context?.type === 'AssignmentPattern' && m.text((context as N.AssignmentPattern).right) !== NEXT_STATIC_CONTEXT) {
    mark(local!.statement, `zfb calls getStaticProps() with no argument, so this default context is used where Next passed ${NEXT_STATIC_CONTEXT}`);
  } else if (context && context.type !== 'AssignmentPattern') {
    m.insert(endOf(context), ` = ${NEXT_STATIC_CONTEXT}`);
  }
  const { sites, allVisible } = returnedObjectSites(found);
  if (!allVisible) mark(local!.statement, `getStaticProps returns a value computed at run time: if it is { notFound } or { redirect }, ${failure}`);
  for (const { object, statement } of sites) {
    // On the `return` when it begins its line (`if (x) return …` gets the marker inline, before the object).
    const anchor = statement && m.source.slice(m.lineStart(startOf(statement)), startOf(statement)).trim() === '' ? statement : object;
    const revalidate = getProperty(object, 'revalidate');
    if (revalidate && staticValue(revalidate.value) !== false) mark(anchor, 'revalidate: zfb is static only; this page changes only when the site is rebuilt');
    const notFound = getProperty(object, 'notFound');
    if (notFound && staticValue(notFound.value) !== false) mark(anchor, `notFound on a static page: ${failure}: delete the page instead`);
    if (getProperty(object, 'redirect')) mark(anchor, `redirect on a static page: ${failure}: delete the page and add the redirect to your host (e.g. public/_redirects)`);
  }
}

/**
 * A static page Next built once per locale: under pages/[locale]/, paths() lists every locale, and the
 * getStaticProps Next called per locale is called the same way (zfb ignores getStaticProps on a dynamic route).
 */
function migrateLocalizedStaticPage(m: EditedModule, i18n: I18n, pattern: string, move: (specifier: string) => string): void {
  const staticProps = keepAsLocal(m, 'getStaticProps', { moveSpecifier: move });
  if (staticProps) markStaticPropsResults(staticProps.found, (node, reason) => m.marker(node, reason));
  const code = localizedStaticPathsFunction({ ts: m.typescript, i18n, staticProps: staticProps?.local });
  insertGenerated(m, staticProps?.found, withMarkers(code, localeMarkers(pattern, i18n)));
}

/**
 * Generated code goes after the data function it calls, when that is a function of this module (the last one
 * given), else after the imports.
 */
function insertGenerated(m: EditedModule, found: FoundExport | undefined, code: string): void {
  const own = ownStatement(found);
  if (own) return m.insertAfter(own, code);
  const body = m.ast.program.body as N.Node[];
  const imports = body.filter((statement) => statement.type === 'ImportDeclaration');
  if (imports.length > 0) m.insertAfter(imports[imports.length - 1], code);
  else if (body[0]) m.insertBefore(body[0], code);
  else m.insertAfter(undefined, code);
}

function migrateDynamicPage(
  m: EditedModule,
  input: TransformInput,
  segments: readonly Segment[],
  localized: I18n | undefined,
  move: (specifier: string) => string,
): void {
  const ts = m.typescript;
  const staticPaths = keepAsLocal(m, 'getStaticPaths', { moveSpecifier: move })!;
  const staticProps = keepAsLocal(m, 'getStaticProps', { moveSpecifier: move });
  const { stringsPossible } = rewriteStaticPathsResults(m, staticPaths.found, segments, input.i18n, !!localized);
  if (staticProps) markStaticPropsResults(staticProps.found, (node, reason) => m.marker(node, reason));

  const options = {
    ts,
    segments,
    staticPaths: staticPaths.local,
    staticProps: staticProps?.local,
    // A typed getStaticPaths (GetStaticPaths) returns `string | { params }` entries, so the types need the branch too.
    strings: stringsPossible || !!staticPaths.found.local?.typeAnnotation,
    i18n: input.i18n,
  };
  const code = localized ? localizedPathsFunction({ ...options, i18n: localized }) : pathsFunction(options);
  const anchor = staticProps?.found.local && staticProps.found.form !== 're-export' ? staticProps.found : staticPaths.found;
  insertGenerated(m, anchor, localized ? withMarkers(code, localeMarkers(formatPattern(segments), localized)) : code);
}

const FALLBACK_BLOCKING =
  "fallback: 'blocking' rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404";
const FALLBACK_TRUE =
  'fallback: true served unlisted URLs with a fallback page, then their data; zfb builds only the URLs paths() lists, the others now get a 404';
const FALLBACK_DYNAMIC =
  'fallback is computed at run time; zfb builds only the URLs paths() lists: if it is not false, unlisted URLs now get a 404';

/**
 * Rewrites what is literal in getStaticPaths' returns (string paths, optional catch-all null/false, locale
 * entries) and marks fallback values zfb cannot carry. Reports whether string entries may still reach paths().
 */
function rewriteStaticPathsResults(
  m: EditedModule,
  found: FoundExport,
  segments: readonly Segment[],
  i18n: TransformInput['i18n'],
  localized: boolean,
): { stringsPossible: boolean } {
  const { objects, allVisible } = returnedObjects(found);
  let stringsPossible = !allVisible;
  if (!allVisible && found.local?.fn) m.marker(found.local.statement, FALLBACK_DYNAMIC);
  for (const object of objects) {
    const fallback = getProperty(object, 'fallback');
    const value = fallback ? staticValue(fallback.value) : undefined;
    if (fallback && value === 'blocking') m.marker(fallback, FALLBACK_BLOCKING);
    else if (fallback && value === true) m.marker(fallback, FALLBACK_TRUE);
    else if (fallback && value !== false) m.marker(fallback, FALLBACK_DYNAMIC);

    const list = getProperty(object, 'paths');
    const listed = list ? unwrapExpression(list.value) : undefined;
    if (n.ArrayExpression.check(listed)) {
      for (const element of listed.elements) {
        if (element && rewriteEntry(m, element as N.Node, segments, i18n, localized).stringsPossible) stringsPossible = true;
      }
    } else if (!listed || !mapsToObjects(listed)) {
      stringsPossible = true;
    }
  }
  return { stringsPossible };
}

/** Rewrites one literal getStaticPaths entry in place; reports whether a string may still reach paths(). */
function rewriteEntry(
  m: EditedModule,
  element: N.Node,
  segments: readonly Segment[],
  i18n: TransformInput['i18n'],
  localized: boolean,
): { stringsPossible: boolean } {
  const text = staticValue(element);
  if (typeof text === 'string') {
    const parsed = paramsFromStringPath(text, segments, i18n);
    if (!parsed) {
      m.marker(element, `Next rejects this path: it does not match the page pattern`);
      return { stringsPossible: true };
    }
    const params: Record<string, unknown> = {};
    for (const key of routeKeys(segments)) {
      params[key.name] = parsed.params[key.name] ?? (key.kind === 'optional-catchall' ? [] : undefined);
    }
    const foreign = parsed.locale && parsed.locale !== i18n?.defaultLocale ? parsed.locale : undefined;
    // Under pages/[locale]/ the entry keeps Next's own shape: an entry without a locale is the default one.
    if (foreign && !localized) markLocale(m, element, foreign);
    m.replace(element, `{ params: ${literalText(params)}${foreign && localized ? `, locale: ${literalText(foreign)}` : ''} }`);
    return { stringsPossible: false };
  }
  if (!n.ObjectExpression.check(element)) return { stringsPossible: true };
  const params = getProperty(element, 'params');
  const paramsObject = params ? unwrapExpression(params.value) : undefined;
  if (n.ObjectExpression.check(paramsObject)) {
    for (const key of routeKeys(segments)) {
      if (key.kind !== 'optional-catchall') continue;
      const property = getProperty(paramsObject, key.name);
      const value = property ? staticValue(property.value) : 'missing';
      // Next reads null, undefined and false as "no segments"; zfb wants the empty array itself.
      if (property && (value === null || value === undefined || value === false)) {
        if (property.shorthand) m.insert(endOf(property), ': []');
        else m.replace(property.value, '[]');
      }
    }
  }
  const locale = getProperty(element, 'locale');
  if (locale && !localized) {
    m.dropItem(element.properties as N.Node[], locale);
    const value = staticValue(locale.value);
    markLocale(m, element, typeof value === 'string' ? value : '(computed)');
  }
  return { stringsPossible: false };
}

/** A JSON-like value as source text, in the style of the code around it (single quotes, bare keys). */
function literalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literalText).join(', ')}]`;
  if (value && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${objectKey(k)}: ${literalText(v)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

function markLocale(m: EditedModule, node: N.Node, locale: string): void {
  m.marker(
    node,
    `zfb has no i18n: Next built this entry for locale '${locale}' (under /${locale}); zfb builds it once, without a locale prefix`,
  );
}

/** `list.map((x) => ({ params: … }))`: entries that are objects by construction, never string paths. */
function mapsToObjects(node: N.Node): boolean {
  if (!n.CallExpression.check(node)) return false;
  const callee = node.callee;
  if (!n.MemberExpression.check(callee) || !n.Identifier.check(callee.property) || callee.property.name !== 'map') return false;
  const fn = unwrapExpression(node.arguments[0] as N.Node);
  if (!n.ArrowFunctionExpression.check(fn)) return false;
  const body = unwrapExpression(fn.body);
  return n.ObjectExpression.check(body) && body.properties.some((p) => propertyKey(p) === 'params');
}

interface PathsOptions {
  ts: boolean;
  segments: readonly Segment[];
  staticPaths: string;
  staticProps?: string;
  strings: boolean;
  i18n?: TransformInput['i18n'];
}

/** The generated zfb `paths()` (and its string-path reader when needed), as source text. */
function pathsFunction(o: PathsOptions): string {
  const keys = routeKeys(o.segments);
  const fromObject = `{ ${keys
    .map((k) => `${objectKey(k.name)}: ${access('path.params', k.name)}${k.kind === 'optional-catchall' ? ' || []' : ''}`)
    .join(', ')} }`;
  const params = o.strings ? `typeof path === 'string' ? paramsFromPath(path) : ${fromObject}` : fromObject;
  const context = o.i18n
    ? `{ locales: ${JSON.stringify(o.i18n.locales).replace(/"/g, "'")}, defaultLocale: '${o.i18n.defaultLocale}' }`
    : '{ locales: [], defaultLocale: undefined }';
  const propsContext = o.i18n
    ? `{ params, locale: '${o.i18n.defaultLocale}', locales: ${JSON.stringify(o.i18n.locales).replace(/"/g, "'")}, defaultLocale: '${o.i18n.defaultLocale}' }`
    : '{ params }';
  const setType = o.ts ? '<string>' : '';
  const lines = [
    `/**`,
    ` * The URLs zfb builds: the entries of getStaticPaths${o.staticProps ? ', each with the props getStaticProps gives it' : ''}.`,
    ` * zfb serves nothing else (no fallback), and its component input is { params, ...props }.`,
    ` */`,
    `export async function paths() {`,
    `  const { paths: listed } = await ${o.staticPaths}(${context});`,
    `  const seen = new Set${setType}();`,
    `  const entries = [];`,
    `  for (const path of listed) {`,
    `    const params = ${params};`,
    `    const key = JSON.stringify(params);`,
    `    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.`,
    `    if (seen.has(key)) continue;`,
    `    seen.add(key);`,
  ];
  if (o.staticProps) {
    lines.push(
      `    const result = await ${o.staticProps}(${propsContext});`,
      `    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.`,
      `    if (!('props' in result)) continue;`,
      `    entries.push({ params, props: await result.props });`,
    );
  } else {
    lines.push(`    entries.push({ params });`);
  }
  lines.push(`  }`, `  return entries;`, `}`);
  if (o.strings) lines.push('', ...stringPathReader(o));
  return lines.join('\n');
}

function stringPathReader(o: PathsOptions): string[] {
  const pattern = formatPattern(o.segments);
  const regex = routeRegex(o.segments);
  const pathType = o.ts ? ': string' : '';
  const lines = [`/** A getStaticPaths string path into this page's params, read the way Next.js reads it. */`, `function paramsFromPath(path${pathType}) {`];
  if (o.i18n) {
    const locales = localeAlternatives(o.i18n.locales);
    lines.push(
      `  // zfb has no locales: a locale prefix is dropped, and the entry builds the unprefixed URL.`,
      `  const pathname = path.replace(/^\\/(?:${locales})(?=\\/|$)/i, '') || '/';`,
    );
  } else {
    lines.push(`  const pathname = path;`);
  }
  lines.push(
    `  const match = /${regex.source}/.exec(pathname);`,
    `  if (!match) throw new Error(\`The provided path \\\`\${path}\\\` does not match the page: \\\`${pattern}\\\`.\`);`,
    `  return { ${paramsFromMatchFields(o.segments, o.ts)} };`,
    `}`,
  );
  return lines;
}

/**
 * zfb 0.1.0-next.89 routes only .tsx (and .md/.mdx/.html) pages: a .jsx or .js page moves to .tsx, a .ts page
 * too when its code is also valid TSX (an old-style `<T>value` cast is not); otherwise it is marked.
 */
function finish(m: EditedModule, input: TransformInput, ext: string, path: string): TransformResult {
  let outputPath: string | undefined = path === input.path ? undefined : path;
  let source = m.print();
  if (ext !== '.tsx') {
    const candidate = path.slice(0, -ext.length) + '.tsx';
    try {
      parseModule(source, candidate);
      outputPath = candidate;
    } catch {
      const first = m.ast.program.body[0] as N.Node | undefined;
      const reason = `zfb 0.1.0-next.89 ignores ${ext} pages: rename this file to .tsx (its code needs changes to parse as TSX)`;
      if (first) m.marker(first, reason);
      source = first ? m.print() : `${markerComment(reason)}\n${source}`;
    }
  }
  if (source === input.source && !outputPath) return { source: null, markers: [] };
  return { source, ...(outputPath ? { outputPath } : {}), markers: newMarkers(input.source, source) };
}
