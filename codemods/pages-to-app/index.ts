import type { namedTypes as N } from 'ast-types';
import type { ExpressionKind, PatternKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { Segment } from '../../src/model/types.js';
import { parseModule, printModule } from '../_shared/ast.js';
import {
  findExport,
  findLocalBinding,
  removeExport,
  renameBinding,
  unexportDeclaration,
  type FoundExport,
  type FunctionNode,
} from '../_shared/find-export.js';
import { dropUnusedImports, ensureImport } from '../_shared/imports.js';
import { addMarker, newMarkers } from '../_shared/marker.js';
import { boundNames, findPageComponent, prependStatements, withoutTypeAnnotation } from '../_shared/page-component.js';
import { rewriteRelativeImports } from '../_shared/relative-imports.js';
import { routeFromPath } from '../_shared/route-file.js';
import { parameterFrom, statementFrom, statementsFrom, textOf, valueToCode } from '../_shared/snippet.js';
import type { Transform, TransformInput } from '../_shared/types.js';
import { dropLayoutImports, exportOwnParams, keptFlatReason, layoutsProblem } from '../_shared/cascade-glue.js';
import { readFlatStaticPaths, renameLocalAway, type FlatStaticPaths } from './flat-cascade.js';
import { localeRoutingReasons, markLocaleLinks } from './locale.js';
import { convertStaticPaths, entryParamsCode, type Fallback } from './static-paths.js';
import { convertStaticProps } from './static-props.js';

const n = types.namedTypes;
const b = types.builders;

/** Pages-router special files with no app-router page counterpart. */
const SPECIAL = /^\/(?:_app|_document|_error|404|500)$|^\/api(?:\/|$)/;
const NEXT_TYPES = ['GetStaticPaths', 'GetStaticProps', 'InferGetStaticPropsType', 'NextPage', 'GetStaticPathsResult', 'GetStaticPropsResult'];
const PROPS_LOADER = 'getPageProps';
const LOCALE_KEY = 'locale';

const FALLBACK_TRUE =
  'fallback: true has no app-router equivalent: unlisted URLs are now rendered on their first request without a fallback page (router.isFallback no longer exists), like fallback: \'blocking\'';

function isTypeScript(path: string): boolean {
  return /\.[mc]?tsx?$/.test(path);
}

/** What Next passed getStaticPaths (a copy of the locales, and the default locale), as code. */
function pathsContextCode(i18n: TransformInput['i18n']): string {
  return valueToCode(i18n ? { locales: i18n.locales, defaultLocale: i18n.defaultLocale } : { locales: [], defaultLocale: undefined });
}

/** `{ slug: string; rest?: string[] }`: what `await params` holds for the route's segments. */
function paramsTypeText(segments: readonly Segment[], localeKey: string | undefined): string {
  const members = segments.flatMap((segment) => {
    if (segment.kind === 'static') return [];
    if (segment.kind === 'dynamic') return [`${segment.name}: string`];
    return [`${segment.name}${segment.kind === 'optional-catchall' ? '?' : ''}: string[]`];
  });
  if (localeKey) members.unshift(`${localeKey}: string`);
  return `{ ${members.join('; ')} }`;
}

/**
 * The context the page passes its getStaticProps loader: `{ params }`, and with i18n what Next built, the
 * locale beside the params and not in them (no params at all for a static route). The app page's params hold
 * the locale as the [locale] segment, so a small arrow takes it out: it binds no name in the page.
 */
function contextCode(routeParams: string, localeKey: string | undefined, dynamic: boolean): string {
  if (!localeKey) return `{ params: await ${routeParams} }`;
  if (!dynamic) return `{ ${localeKey}: (await ${routeParams}).${localeKey} }`;
  return `(({ ${localeKey}, ...params }) => ({ params, ${localeKey} }))(await ${routeParams})`;
}

/** A binding pattern's text without its type annotation (`{ post }: Props` → `{ post }`). */
function patternText(source: string, pattern: PatternKind): string {
  const inner = n.AssignmentPattern.check(pattern) ? pattern.left : pattern;
  const annotation = (inner as { typeAnnotation?: N.Node | null }).typeAnnotation;
  const text = textOf(source, inner);
  if (!annotation) return text;
  return source.slice((inner as unknown as { start: number }).start, (annotation as unknown as { start: number }).start).trimEnd();
}

function typeRefName(node: N.Node | undefined): string | undefined {
  if (n.TSTypeReference.check(node) && n.Identifier.check(node.typeName)) return node.typeName.name;
  return undefined;
}

/** Inserts statements right after the top-level statement `after` (or at the end). */
function insertAfter(ast: N.File, after: N.Node | undefined, statements: StatementKind[]): void {
  const body = ast.program.body;
  const index = after ? body.indexOf(after as StatementKind) : -1;
  body.splice(index >= 0 ? index + 1 : body.length, 0, ...statements);
}

function exportConst(name: string, value: string): string {
  return `export const ${name} = ${value};`;
}

/**
 * A getStaticPaths / getStaticProps export as a local function this module can edit: returns the function
 * and the top-level statement holding it, after dropping the export and any pages-router type annotation.
 */
function takeLocalFunction(ast: N.File, found: FoundExport): { fn: FunctionNode; statement: N.Node; name: string; typeArgs?: N.Node[] } | undefined {
  const local = found.local;
  if (!local?.fn || local.importedFrom) return undefined;
  let typeArgs: N.Node[] | undefined;
  // `(async () => …) satisfies GetStaticProps` describes the pages-router result; the converted one differs.
  if (local.declarator && (n.TSSatisfiesExpression.check(local.init) || n.TSAsExpression.check(local.init))) {
    const name = typeRefName(local.init.typeAnnotation);
    if (name === 'GetStaticPaths' || name === 'GetStaticProps') local.declarator.init = local.init.expression;
  }
  if (local.typeAnnotation && local.declarator && n.Identifier.check(local.declarator.id)) {
    const annotation = local.typeAnnotation as N.TSTypeReference;
    if (typeRefName(annotation) === 'GetStaticPaths' || typeRefName(annotation) === 'GetStaticProps') {
      typeArgs = (annotation.typeParameters?.params as N.Node[] | undefined) ?? [];
      local.declarator.id.typeAnnotation = null;
    }
  }
  if (found.form === 'declaration') {
    const statement = unexportDeclaration(ast, found)!;
    return { fn: local.fn, statement, name: local.name, typeArgs };
  }
  if (found.name === 'getStaticPaths' && found.specifier) {
    // export { local as getStaticPaths } → export { local as generateStaticParams }, where it stands
    found.specifier.exported = b.identifier('generateStaticParams');
  } else {
    removeExport(ast, found);
  }
  return { fn: local.fn, statement: local.statement, name: local.name, typeArgs };
}

function freeName(ast: N.File, wanted: string): string {
  let name = wanted;
  for (let i = 2; findLocalBinding(ast, name); i++) name = `${wanted}${i}`;
  return name;
}

const transform: Transform = (input: TransformInput) => {
  const route = routeFromPath(input.path);
  if (!route || route.router !== 'pages') return { source: null, markers: [], skipped: 'not a file under pages/' };
  if (SPECIAL.test(route.pattern)) return { source: null, markers: [], skipped: `${route.pattern} has no app-router page counterpart` };
  const ast = parseModule(input.source, input.path);
  const pathsExport = findExport(ast, 'getStaticPaths');
  const propsExport = findExport(ast, 'getStaticProps');
  if (!pathsExport && !propsExport) return { source: null, markers: [] };
  if (findExport(ast, 'getServerSideProps') || findExport(ast, 'getInitialProps')) {
    return { source: null, markers: [], skipped: 'getServerSideProps/getInitialProps pages are not static: convert them by hand' };
  }

  const ts = isTypeScript(input.path);
  const localeKey = input.i18n ? LOCALE_KEY : undefined;
  const segments = route.segments;
  const dynamic = segments.some((segment) => segment.kind !== 'static');
  if (localeKey && segments.some((s) => s.kind !== 'static' && s.name === localeKey)) {
    // Under app/[locale]/ the page would have two params of one name, which next build refuses.
    return { source: null, markers: [], skipped: `the route already has a [${localeKey}] param, and with i18n the page moves under app/[${localeKey}]/: rename the param first` };
  }
  const navigation = new Set<string>();
  let anchor: N.Node | undefined;
  let paramsStatement: N.Node | undefined;
  const configExports: string[] = [];

  const appDir = route.dir.replace(/pages$/, 'app');
  const folder = [localeKey ? `[${localeKey}]` : '', route.folder].filter(Boolean).join('/');
  const outputPath = `${appDir}/${folder ? folder + '/' : ''}page${route.ext}`;

  // getStaticPaths → generateStaticParams
  if (pathsExport) {
    let fallback: Fallback = 'unknown';
    let gspStatement: N.Node | undefined;
    // A cascade app-to-pages flattened goes back to the layouts when they can run it again (with i18n the
    // page moves under [locale], which its params must then give: that takes the flattened path).
    const flat = localeKey ? undefined : readFlatStaticPaths(ast, pathsExport, input.path);
    const problem = flat?.cascade.layouts.length ? layoutsProblem(flat.cascade, outputPath, input.readFile) : undefined;
    const split = flat && !problem ? flat : undefined;
    const taken = split || pathsExport.form === 're-export' || pathsExport.local?.importedFrom ? undefined : takeLocalFunction(ast, pathsExport);
    if (split) {
      fallback = split.fallback;
      splitCascade(ast, pathsExport, split);
      gspStatement = split.cascade.own ? exportOwnParams(ast, split.cascade.own) : undefined;
    } else if (taken) {
      const { fn } = taken;
      fallback = convertStaticPaths(fn, segments, input.i18n, localeKey, input.source);
      if (fn.params.length > 0) {
        // getStaticPaths({ locales, defaultLocale }) → the same values, written out.
        const context = patternText(input.source, fn.params[0] as PatternKind);
        fn.params = [];
        const declaration = statementFrom(`const ${context} = ${pathsContextCode(input.i18n)};`);
        if (!input.i18n) addMarker(declaration, 'getStaticPaths read its locales context, and no i18n config is known here');
        prependStatements(fn, [declaration]);
      }
      if (taken.name === 'getStaticPaths') {
        // The page's own generateStaticParams, kept local by app-to-pages, must not clash with the export.
        renameLocalAway(ast, 'generateStaticParams', 'pageGenerateStaticParams');
        renameBinding(ast, 'getStaticPaths', 'generateStaticParams');
        const statement = taken.statement;
        const index = ast.program.body.indexOf(statement as StatementKind);
        const exported = b.exportNamedDeclaration(statement as never, []);
        (exported as { comments?: unknown }).comments = (statement as { comments?: unknown }).comments;
        (statement as { comments?: unknown }).comments = null;
        ast.program.body.splice(index, 1, exported);
        gspStatement = exported;
      } else {
        gspStatement = taken.statement;
      }
    } else {
      // Re-exported from another module: wrap it, unwrapping each entry at run time.
      const source = pathsExport.source ?? pathsExport.local?.importedFrom ?? '';
      const localName = pathsExport.local?.name ?? freeName(ast, 'getStaticPaths');
      removeExport(ast, pathsExport);
      if (!pathsExport.local) {
        ast.program.body.unshift(
          b.importDeclaration([b.importSpecifier(b.identifier(pathsExport.specifier ? String((pathsExport.specifier.local ?? pathsExport.specifier.exported).name) : 'getStaticPaths'), b.identifier(localName))], b.stringLiteral(source)),
        );
      }
      // Called with the context Next called it with.
      const exported = statementFrom(
        `export async function generateStaticParams() {\n  const result = await ${localName}(${pathsContextCode(input.i18n)});\n  return result.paths.map((entry) => ${entryParamsCode(input.i18n, localeKey)});\n}`,
      );
      const shape = localeKey ? '{ params, locale? }' : '{ params }';
      addMarker(exported, `getStaticPaths comes from ${source}: its entries are assumed to be ${shape} objects, and its fallback is unknown here: set dynamicParams by hand`);
      ast.program.body.push(exported);
      gspStatement = exported;
    }
    anchor = gspStatement;
    paramsStatement = gspStatement;
    // A layout-only route keeps no generateStaticParams here: notes about it go on the page component.
    const noted = gspStatement ?? findExport(ast, 'default')?.statement ?? ast.program.body[0]!;
    if (fallback === false) configExports.push(exportConst('dynamicParams', 'false'));
    else if (fallback === true) addMarker(noted, FALLBACK_TRUE);
    else if (fallback === 'unknown' && (taken || split)) addMarker(noted, 'fallback is not one literal: export const dynamicParams = false for fallback: false; leave it out for \'blocking\'');
    if (problem) addMarker(noted, keptFlatReason(problem, flat!.cascade));
  } else if (input.i18n) {
    // Next built a page without getStaticPaths once per locale, and any other prefix was a 404: the same list.
    renameLocalAway(ast, 'generateStaticParams', 'pageGenerateStaticParams');
    const locales = valueToCode(input.i18n.locales.map((locale) => ({ [LOCALE_KEY]: locale })));
    const generated = statementFrom(`export async function generateStaticParams() {\n  return ${locales};\n}`);
    const body = ast.program.body;
    const imports = body.findIndex((statement) => !n.ImportDeclaration.check(statement));
    body.splice(imports >= 0 ? imports : body.length, 0, generated);
    configExports.push(exportConst('dynamicParams', 'false'));
    anchor = generated;
    paramsStatement = generated;
  }

  // getStaticProps → a local loader the async page component awaits
  let loader: string | undefined;
  let loaderReturnsProps = false;
  let contextKeys: string[] = [];
  if (propsExport) {
    const taken = propsExport.form === 're-export' || propsExport.local?.importedFrom ? undefined : takeLocalFunction(ast, propsExport);
    if (taken) {
      const conversion = convertStaticProps(taken.fn, input.source);
      conversion.navigation.forEach((name) => navigation.add(name));
      if (conversion.revalidate !== undefined) {
        configExports.push(exportConst('revalidate', String(conversion.revalidate)));
      }
      loader = taken.name;
      if (taken.name === 'getStaticProps') {
        loader = freeName(ast, PROPS_LOADER);
        renameBinding(ast, 'getStaticProps', loader);
      }
      const context = taken.fn.params[0];
      if (context) {
        contextKeys = n.ObjectPattern.check(context)
          ? context.properties.flatMap((p) => (n.ObjectProperty.check(p) && n.Identifier.check(p.key) ? [p.key.name] : ['…']))
          : ['params'];
        if (ts && !(context as { typeAnnotation?: unknown }).typeAnnotation) {
          // What the page passes (see the call below): Next's context, whose params never held the locale.
          const members: string[] = [];
          if (!localeKey || dynamic) {
            members.push(`params: ${taken.typeArgs?.[1] ? textOf(input.source, taken.typeArgs[1]) : paramsTypeText(segments, undefined)}`);
          } else if (contextKeys.includes('params')) {
            members.push('params?: undefined');
          }
          if (localeKey) members.push(`${localeKey}: string`);
          taken.fn.params[0] = parameterFrom(`${textOf(input.source, context)}: { ${members.join('; ')} }`, true);
        }
        const unsupported = contextKeys.filter((k) => k !== 'params' && !(k === 'locale' && localeKey));
        if (unsupported.length > 0) addMarker(taken.statement, `getStaticProps reads ${unsupported.join(', ')} from its context, which the app router does not pass`);
      }
      anchor ??= taken.statement;
    } else {
      const source = propsExport.source ?? propsExport.local?.importedFrom ?? '';
      removeExport(ast, propsExport);
      loader = freeName(ast, PROPS_LOADER);
      const imported = propsExport.specifier ? String((propsExport.specifier.local ?? propsExport.specifier.exported).name) : 'getStaticProps';
      if (propsExport.local) loader = propsExport.local.name;
      else {
        const declaration = b.importDeclaration([b.importSpecifier(b.identifier(imported), b.identifier(loader))], b.stringLiteral(source));
        addMarker(declaration, `getStaticProps comes from ${source}: its result is used as the props; handle notFound, redirect and revalidate by hand`);
        ast.program.body.unshift(declaration);
      }
      // What it reads is unknown: it gets the locale too, as Next's context held it.
      contextKeys = localeKey ? ['params', 'locale'] : ['params'];
      loaderReturnsProps = true;
    }
  }

  // InferGetStaticPropsType<typeof getPageProps> → the loader's own resolved type
  if (loader && input.source.includes('InferGetStaticPropsType')) {
    const name = loader;
    types.visit(ast, {
      visitTSTypeReference(path) {
        if (typeRefName(path.node) === 'InferGetStaticPropsType') {
          const alias = statementFrom(`type T = Awaited<ReturnType<typeof ${name}>>;`) as N.TSTypeAliasDeclaration;
          path.replace(alias.typeAnnotation);
          return false;
        }
        this.traverse(path);
        return undefined;
      },
    });
  }

  // The page component becomes async and loads its data itself.
  const component = findPageComponent(ast);
  const defaultExport = findExport(ast, 'default');
  if (component && loader) {
    component.async = true;
    const original = component.params[0] as PatternKind | undefined;
    const clash = boundNames(original).includes('params');
    const routeParams = clash ? 'route.params' : 'params';
    const call = `${loader}(${contextKeys.length === 0 ? '' : contextCode(routeParams, localeKey, dynamic)})`;
    const loaded = loaderReturnsProps ? `(await ${call}).props` : `await ${call}`;
    const statement = statementFrom(original ? `const ${patternText(input.source, original)} = ${loaded};` : `${loaded};`);
    if (contextKeys.length > 0) {
      const name = clash ? 'route' : '{ params }';
      component.params = [parameterFrom(ts ? `${name}: { params: Promise<${paramsTypeText(segments, localeKey)}> }` : name, ts)];
    } else {
      component.params = [];
    }
    prependStatements(component, [statement]);
    // `const Page: NextPage<Props> = …` describes a pages-router component; the async one is inferred.
    const local = defaultExport?.local;
    if (local?.declarator && n.Identifier.check(local.declarator.id) && typeRefName(local.typeAnnotation) === 'NextPage') {
      local.declarator.id.typeAnnotation = null;
    }
  } else if (loader) {
    addMarker(defaultExport?.statement ?? ast.program.body[ast.program.body.length - 1]!, `the default export is not a component function defined here: await ${loader}({ params: await params }) in the page by hand`);
  }

  // One snippet, so the config lines keep their own line breaks.
  if (configExports.length > 0) insertAfter(ast, anchor, statementsFrom(configExports.join('\n')));
  for (const name of ['notFound', 'redirect', 'permanentRedirect']) if (navigation.has(name)) ensureImport(ast, 'next/navigation', name);
  dropUnusedImports(ast, 'next', NEXT_TYPES);

  if (input.i18n) {
    // Beside the URLs this page lists (its component when it lists none): what Next's i18n routing also served.
    const noted = paramsStatement ?? defaultExport?.statement ?? ast.program.body[0]!;
    for (const reason of localeRoutingReasons(route.pattern, input.i18n)) addMarker(noted, reason);
    markLocaleLinks(ast, input.i18n);
  }

  for (const statement of ast.program.body) {
    if (!n.ImportDeclaration.check(statement)) continue;
    if (statement.source.value === 'next/router') addMarker(statement, 'next/router does not work in the app router: use next/navigation (useRouter, usePathname, useSearchParams) in a client component');
    if (statement.source.value === 'next/head') addMarker(statement, 'next/head is ignored in the app router: use the metadata export or generateMetadata');
  }

  rewriteRelativeImports(ast, input.path, outputPath);
  const source = printModule(ast);
  return { source, outputPath, markers: newMarkers(input.source, source) };
};

export default transform;

/**
 * The flattened cascade split back: getStaticPaths and the glue running the cascade go, and so do the layout
 * imports nothing else uses; the layouts, still in app/, run their part again.
 */
function splitCascade(ast: N.File, pathsExport: FoundExport, split: FlatStaticPaths): void {
  removeExport(ast, pathsExport);
  // The glue's own comment (how the app router runs the cascade) goes with it.
  const glue = split.glue ? ast.program.body.indexOf(split.glue.statement) : -1;
  if (glue >= 0) ast.program.body.splice(glue, 1);
  dropLayoutImports(ast, split.cascade);
}
