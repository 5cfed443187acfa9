import type { namedTypes as N } from 'ast-types';
import type { PatternKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import type { Segment } from '../../src/model/types.js';
import { EditedModule, endOf, startOf } from '../_shared/edited-module.js';
import { findExport, findLocalBinding, type FoundExport, type FunctionNode } from '../_shared/find-export.js';
import { newMarkers, withMarkers } from '../_shared/marker.js';
import { markOpaque, opaqueExports } from '../_shared/opaque-exports.js';
import { dropUnusedImports, ensureImports, removeExport, renameBinding, rewriteRelativeImports, unexport } from '../_shared/module-edits.js';
import { boundNames, findPageComponent } from '../_shared/page-component.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import { routeFromPath } from '../_shared/route-file.js';
import { valueToCode } from '../_shared/literal.js';
import type { Transform, TransformInput } from '../_shared/types.js';
import { dropLayoutImports, exportOwnParams, keptFlatReason, layoutsProblem } from '../_shared/cascade-glue.js';
import { readFlatStaticPaths, renameLocalAway, type FlatStaticPaths } from './flat-cascade.js';
import { localeRoutingReasons, markLocaleLinks } from './locale.js';
import { convertStaticPaths, entryParamsCode, type Fallback } from './static-paths.js';
import { convertStaticProps } from './static-props.js';
import { markForeignExports, markOtherUses } from './page-exports.js';
import { rootLayout } from './root-layout.js';
import { markClientOnlyHookImports, markHooksAfterAwait } from './server-component.js';

const n = types.namedTypes;

/** Pages-router special files with no app-router page counterpart. */
const SPECIAL = /^\/(?:_app|_document|_error|404|500)$|^\/api(?:\/|$)/;
const NEXT_TYPES = ['GetStaticPaths', 'GetStaticProps', 'InferGetStaticPropsType', 'NextPage', 'GetStaticPathsResult', 'GetStaticPropsResult'];
const PROPS_LOADER = 'getPageProps';
const LOCALE_KEY = 'locale';

const FALLBACK_TRUE =
  'fallback: true has no app-router equivalent: unlisted URLs are now rendered on their first request without a fallback page (router.isFallback no longer exists), like fallback: \'blocking\'';

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
function patternText(m: EditedModule, pattern: PatternKind): string {
  const inner = n.AssignmentPattern.check(pattern) ? pattern.left : pattern;
  const annotation = (inner as { typeAnnotation?: N.Node | null }).typeAnnotation;
  if (!annotation) return m.text(inner);
  return m.source.slice(startOf(inner), startOf(annotation)).trimEnd();
}

function typeRefName(node: N.Node | undefined): string | undefined {
  if (n.TSTypeReference.check(node) && n.Identifier.check(node.typeName)) return node.typeName.name;
  return undefined;
}

function exportConst(name: string, value: string): string {
  return `export const ${name} = ${value};`;
}

/** What takeLocalFunction hands back: the function, the top-level statement holding it, and its name. */
interface TakenFunction {
  fn: FunctionNode;
  statement: N.Node;
  name: string;
  typeArgs?: N.Node[];
}

/**
 * A getStaticPaths / getStaticProps export as a local function this module can edit: returns the function
 * and the top-level statement holding it, after dropping the export (getStaticPaths keeps an inline one, as
 * its function becomes the generateStaticParams export) and any pages-router type annotation.
 */
function takeLocalFunction(m: EditedModule, found: FoundExport): TakenFunction | undefined {
  const local = found.local;
  if (!local?.fn || local.importedFrom) return undefined;
  let typeArgs: N.Node[] | undefined;
  // `(async () => …) satisfies GetStaticProps` describes the pages-router result; the converted one differs.
  if (local.declarator && (n.TSSatisfiesExpression.check(local.init) || n.TSAsExpression.check(local.init))) {
    const name = typeRefName(local.init.typeAnnotation);
    if (name === 'GetStaticPaths' || name === 'GetStaticProps') m.remove(m.outerRange(local.init.expression)[1], endOf(local.init));
  }
  if (local.typeAnnotation && local.declarator && n.Identifier.check(local.declarator.id)) {
    const annotation = local.typeAnnotation as N.TSTypeReference;
    if (typeRefName(annotation) === 'GetStaticPaths' || typeRefName(annotation) === 'GetStaticProps') {
      typeArgs = (annotation.typeParameters?.params as N.Node[] | undefined) ?? [];
      const id = local.declarator.id;
      m.remove(startOf(id) + id.name.length, endOf(id.typeAnnotation as N.Node));
    }
  }
  const statement = local.statement;
  if (found.form === 'declaration') {
    if (found.name !== 'getStaticPaths') unexport(m, found);
  } else if (found.name === 'getStaticPaths' && found.specifier) {
    // export { local as getStaticPaths } → export { local as generateStaticParams }, where it stands
    m.renameSpecifier(found.specifier, { exported: 'generateStaticParams' });
  } else {
    removeExport(m, found);
  }
  return { fn: local.fn, statement, name: local.name, typeArgs };
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
  const m = new EditedModule(input.source, input.path);
  const ast = m.ast;
  const body = ast.program.body as N.Node[];
  const opaque = opaqueExports(ast, ['getStaticPaths', 'getStaticProps']);
  if (opaque.length > 0) return markOpaque(m, input, opaque);
  const pathsExport = findExport(ast, 'getStaticPaths');
  const propsExport = findExport(ast, 'getStaticProps');
  if (!pathsExport && !propsExport) return { source: null, markers: [] };
  if (findExport(ast, 'getServerSideProps') || findExport(ast, 'getInitialProps')) {
    return { source: null, markers: [], skipped: 'getServerSideProps/getInitialProps pages are not static: convert them by hand' };
  }

  // Read on the module as written, before the edits below.
  markOtherUses(m, pathsExport, 'calls getStaticPaths, which becomes generateStaticParams and returns the params objects themselves, not { paths, fallback }: update this code');
  markOtherUses(
    m,
    propsExport,
    "calls getStaticProps, which becomes the page's props loader and returns the props themselves (notFound() and redirect() throw instead of being returned): update this code",
  );
  markForeignExports(m, new Set(['getStaticPaths', 'getStaticProps']));
  markClientOnlyHookImports(m);

  const ts = m.typescript;
  const localeKey = input.i18n ? LOCALE_KEY : undefined;
  const segments = route.segments;
  const dynamic = segments.some((segment) => segment.kind !== 'static');
  if (localeKey && segments.some((s) => s.kind !== 'static' && s.name === localeKey)) {
    // Under app/[locale]/ the page would have two params of one name, which next build refuses.
    return { source: null, markers: [], skipped: `the route already has a [${localeKey}] param, and with i18n the page moves under app/[${localeKey}]/: rename the param first` };
  }
  const navigation = new Set<string>();
  // Where the route segment config goes: after a statement, after new code at the end, or with the
  // generateStaticParams written for a page without getStaticPaths.
  let anchor: N.Node | 'end' | 'generated' | undefined;
  // The statement that now exports generateStaticParams, when it is one of the module's.
  let gspStatement: N.Node | undefined;
  const configExports: string[] = [];
  // New top-level code that goes above the module's first statement, and at its end.
  const top: string[] = [];
  const bottom: string[] = [];
  let generated: string | undefined;
  // Notes above the first code added at the end: a generateStaticParams written there has no node to carry them.
  const endNotes: string[] = [];

  const appDir = route.dir.replace(/pages$/, 'app');
  const folder = [localeKey ? `[${localeKey}]` : '', route.folder].filter(Boolean).join('/');
  const outputPath = `${appDir}/${folder ? folder + '/' : ''}page${route.ext}`;
  const defaultExport = findExport(ast, 'default');

  // getStaticPaths → generateStaticParams
  if (pathsExport) {
    let fallback: Fallback = 'unknown';
    // A cascade app-to-pages flattened goes back to the layouts when they can run it again (with i18n the
    // page moves under [locale], which its params must then give: that takes the flattened path).
    const flat = localeKey ? undefined : readFlatStaticPaths(ast, pathsExport, input.path);
    const problem = flat?.cascade.layouts.length ? layoutsProblem(flat.cascade, outputPath, input.readFile) : undefined;
    const split = flat && !problem ? flat : undefined;
    const taken = split || pathsExport.form === 're-export' || pathsExport.local?.importedFrom ? undefined : takeLocalFunction(m, pathsExport);
    if (split) {
      fallback = split.fallback;
      splitCascade(m, pathsExport, split);
      gspStatement = split.cascade.own ? exportOwnParams(m, split.cascade.own) : undefined;
    } else if (taken) {
      const { fn } = taken;
      fallback = convertStaticPaths(m, fn, segments, input.i18n, localeKey);
      if (fn.params.length > 0) {
        // getStaticPaths({ locales, defaultLocale }) → the same values, written out.
        const context = patternText(m, fn.params[0] as PatternKind);
        m.replaceParams(fn, '');
        const reasons = input.i18n ? [] : ['getStaticPaths read its locales context, and no i18n config is known here'];
        m.prepend(fn, withMarkers(`const ${context} = ${pathsContextCode(input.i18n)};`, reasons));
      }
      if (taken.name === 'getStaticPaths') {
        // The page's own generateStaticParams, kept local by app-to-pages, must not clash with the export.
        renameLocalAway(m, 'generateStaticParams', 'pageGenerateStaticParams');
        renameBinding(m, 'getStaticPaths', 'generateStaticParams');
        if (pathsExport.form !== 'declaration') m.insert(startOf(taken.statement), 'export ');
      }
      gspStatement = taken.statement;
    } else {
      // Re-exported from another module, or a value of this one (`= Loader.getStaticPaths`): wrap it,
      // unwrapping each entry at run time. A value declared here stays, unexported, for the wrapper to call.
      const source = pathsExport.source ?? pathsExport.local?.importedFrom ?? '';
      const localName = pathsExport.local?.name ?? freeName(ast, 'getStaticPaths');
      dropExportKeepValue(m, pathsExport);
      if (!pathsExport.local) {
        const imported = pathsExport.specifier ? nameOf(pathsExport.specifier.local ?? pathsExport.specifier.exported) : 'getStaticPaths';
        top.push(`import { ${imported === localName ? imported : `${imported} as ${localName}`} } from '${moveSpecifier(source, input.path, outputPath)}';`);
      }
      const shape = localeKey ? '{ params, locale? }' : '{ params }';
      const origin = source ? `comes from ${source}` : `is the value of ${pathsExport.local ? m.text(pathsExport.local.init ?? pathsExport.local.declaration) : 'an expression'}`;
      endNotes.push(`getStaticPaths ${origin}: its entries are assumed to be ${shape} objects, and its fallback is unknown here: set dynamicParams by hand`);
      // Called with the context Next called it with.
      bottom.push(
        `export async function generateStaticParams() {\n  const result = await ${localName}(${pathsContextCode(input.i18n)});\n  return result.paths.map((entry) => ${entryParamsCode(input.i18n, localeKey)});\n}`,
      );
    }
    anchor = gspStatement ?? (endNotes.length > 0 ? 'end' : undefined);
    // A layout-only route keeps no generateStaticParams here: notes about it go on the page component.
    const notes: string[] = [];
    if (fallback === false) configExports.push(exportConst('dynamicParams', 'false'));
    else if (fallback === true) notes.push(FALLBACK_TRUE);
    else if (fallback === 'unknown' && (taken || split)) notes.push('fallback is not one literal: export const dynamicParams = false for fallback: false; leave it out for \'blocking\'');
    if (problem) notes.push(keptFlatReason(problem, flat!.cascade));
    if (anchor === 'end') endNotes.push(...notes);
    else for (const note of notes) m.marker(gspStatement ?? defaultExport?.statement ?? body[0]!, note);
  } else if (input.i18n) {
    // Next built a page without getStaticPaths once per locale, and any other prefix was a 404: the same list.
    renameLocalAway(m, 'generateStaticParams', 'pageGenerateStaticParams');
    const locales = valueToCode(input.i18n.locales.map((locale) => ({ [LOCALE_KEY]: locale })));
    generated = withMarkers(`export async function generateStaticParams() {\n  return ${locales};\n}`, localeRoutingReasons(route.pattern, input.i18n));
    configExports.push(exportConst('dynamicParams', 'false'));
    anchor = 'generated';
  }

  // getStaticProps → a local loader the async page component awaits
  let loader: string | undefined;
  let loaderReturnsProps = false;
  let contextKeys: string[] = [];
  if (propsExport) {
    const taken = propsExport.form === 're-export' || propsExport.local?.importedFrom ? undefined : takeLocalFunction(m, propsExport);
    if (taken) {
      const conversion = convertStaticProps(m, taken.fn);
      conversion.navigation.forEach((name) => navigation.add(name));
      if (conversion.revalidate !== undefined) {
        configExports.push(exportConst('revalidate', String(conversion.revalidate)));
      }
      loader = taken.name;
      if (taken.name === 'getStaticProps') {
        loader = freeName(ast, PROPS_LOADER);
        renameBinding(m, 'getStaticProps', loader);
      }
      const context = taken.fn.params[0] as N.Node | undefined;
      if (context) {
        contextKeys = n.ObjectPattern.check(context)
          ? context.properties.flatMap((p) => (n.ObjectProperty.check(p) && n.Identifier.check(p.key) ? [p.key.name] : ['…']))
          : ['params'];
        if (ts && !(context as { typeAnnotation?: unknown }).typeAnnotation) {
          // What the page passes (see the call below): Next's context, whose params never held the locale.
          const members: string[] = [];
          if (!localeKey || dynamic) {
            members.push(`params: ${taken.typeArgs?.[1] ? m.text(taken.typeArgs[1]) : paramsTypeText(segments, undefined)}`);
          } else if (contextKeys.includes('params')) {
            members.push('params?: undefined');
          }
          if (localeKey) members.push(`${localeKey}: string`);
          m.replaceParams(taken.fn, `${m.text(context)}: { ${members.join('; ')} }`);
        }
        const unsupported = contextKeys.filter((k) => k !== 'params' && !(k === 'locale' && localeKey));
        if (unsupported.length > 0) m.marker(taken.statement, `getStaticProps reads ${unsupported.join(', ')} from its context, which the app router does not pass`);
      }
      anchor ??= taken.statement;
    } else {
      const source = propsExport.source ?? propsExport.local?.importedFrom ?? '';
      dropExportKeepValue(m, propsExport);
      loader = freeName(ast, PROPS_LOADER);
      const imported = propsExport.specifier ? nameOf(propsExport.specifier.local ?? propsExport.specifier.exported) : 'getStaticProps';
      if (propsExport.local) {
        loader = propsExport.local.name;
        if (!propsExport.local.importedFrom) {
          const value = m.text(propsExport.local.init ?? propsExport.local.declaration);
          m.marker(propsExport.local.statement, `getStaticProps is the value of ${value}: its result is used as the props; handle notFound, redirect and revalidate by hand`);
        }
      } else {
        const reason = `getStaticProps comes from ${source}: its result is used as the props; handle notFound, redirect and revalidate by hand`;
        top.unshift(withMarkers(`import { ${imported} as ${loader} } from '${moveSpecifier(source, input.path, outputPath)}';`, [reason]));
      }
      // What it reads is unknown: it gets the locale too, as Next's context held it.
      contextKeys = localeKey ? ['params', 'locale'] : ['params'];
      loaderReturnsProps = true;
    }
  }

  // InferGetStaticPropsType<typeof getPageProps> → Awaited<ReturnType<typeof getPageProps>>: the loader's own type
  if (loader && input.source.includes('InferGetStaticPropsType')) {
    types.visit(ast, {
      visitTSTypeReference(path) {
        const node = path.node as N.TSTypeReference;
        if (typeRefName(node) === 'InferGetStaticPropsType' && !m.isGone(node)) {
          m.rewrite(node, (current) => `${current.replace(/^InferGetStaticPropsType/, 'Awaited<ReturnType')}>`);
          return false;
        }
        this.traverse(path);
        return undefined;
      },
    });
  }

  // The page component becomes async and loads its data itself.
  const component = findPageComponent(ast);
  if (component && loader) {
    if (!component.async) m.insert(startOf(component as N.Node), 'async ');
    const original = component.params[0] as PatternKind | undefined;
    const clash = boundNames(original).includes('params');
    const routeParams = clash ? 'route.params' : 'params';
    const call = `${loader}(${contextKeys.length === 0 ? '' : contextCode(routeParams, localeKey, dynamic)})`;
    const loaded = loaderReturnsProps ? `(await ${call}).props` : `await ${call}`;
    if (contextKeys.length > 0) {
      const name = clash ? 'route' : '{ params }';
      m.replaceParams(component, ts ? `${name}: { params: Promise<${paramsTypeText(segments, localeKey)}> }` : name);
    } else if (original) {
      m.replaceParams(component, '');
    }
    m.prepend(component, original ? `const ${patternText(m, original)} = ${loaded};` : `${loaded};`);
    markHooksAfterAwait(m, component);
    // `const Page: NextPage<Props> = …` describes a pages-router component; the async one is inferred.
    const local = defaultExport?.local;
    if (local?.declarator && n.Identifier.check(local.declarator.id) && typeRefName(local.typeAnnotation) === 'NextPage') {
      const id = local.declarator.id;
      m.remove(startOf(id) + id.name.length, endOf(id.typeAnnotation as N.Node));
    }
  } else if (loader) {
    m.marker(defaultExport?.statement ?? body[body.length - 1]!, `the default export is not a component function defined here: await ${loader}({ params: await params }) in the page by hand`);
  }

  // One snippet, so the config lines keep their own line breaks.
  const config = configExports.join('\n');
  if (config) {
    if (anchor === 'generated') generated += `\n\n${config}`;
    else if (anchor === undefined || anchor === 'end') bottom.push(config);
    else m.insertAfter(anchor, config);
  }
  if (generated) {
    // Above the module's code, below its imports.
    const firstCode = body.find((statement) => !n.ImportDeclaration.check(statement));
    if (firstCode) m.insertBefore(firstCode, generated);
    else bottom.unshift(generated);
  }
  const imports = ['notFound', 'redirect', 'permanentRedirect'].filter((name) => navigation.has(name));
  if (imports.length > 0) ensureImports(m, 'next/navigation', imports);
  dropUnusedImports(m, 'next', NEXT_TYPES);

  if (input.i18n) {
    // Beside the URLs this page lists: what Next's i18n routing also served (a page that lists none got its
    // generateStaticParams above, with these notes).
    if (pathsExport) {
      const reasons = localeRoutingReasons(route.pattern, input.i18n);
      if (gspStatement) for (const reason of reasons) m.marker(gspStatement, reason);
      else if (anchor === 'end') endNotes.push(...reasons);
      else for (const reason of reasons) m.marker(defaultExport?.statement ?? body[0]!, reason);
    }
    markLocaleLinks(m, input.i18n);
  }

  for (const statement of body) {
    if (!n.ImportDeclaration.check(statement)) continue;
    if (statement.source.value === 'next/router') m.marker(statement, 'next/router does not work in the app router: use next/navigation (useRouter, usePathname, useSearchParams) in a client component');
    if (statement.source.value === 'next/head') m.marker(statement, 'next/head is ignored in the app router: use the metadata export or generateMetadata');
  }

  rewriteRelativeImports(m, input.path, outputPath);
  if (top.length > 0) {
    if (body[0]) m.insertBefore(body[0], top.join('\n'), n.ImportDeclaration.check(body[0]) ? '\n' : '\n\n');
    else bottom.unshift(...top);
  }
  if (bottom[0]) bottom[0] = withMarkers(bottom[0], endNotes);
  for (const code of bottom) m.insertAfter(undefined, code);
  const source = m.print();
  const layout = rootLayout(input, route.dir, appDir, route.ext);
  return { source, outputPath, markers: newMarkers(input.source, source), ...(layout ? { companions: [layout] } : {}) };
};

/**
 * Takes the export away but keeps what it names: an exported declaration of this module whose value is no
 * function (`export const getStaticPaths = Loader.getStaticPaths`) stays as a local the new code calls;
 * a re-export or a specifier goes (the local binding of a specifier stays anyway).
 */
function dropExportKeepValue(m: EditedModule, found: FoundExport): void {
  if (found.form === 'declaration' && found.local && !found.local.importedFrom) unexport(m, found);
  else removeExport(m, found);
}

function nameOf(node: N.Node): string {
  return n.StringLiteral.check(node) ? node.value : String((node as N.Identifier).name);
}

export default transform;

/**
 * The flattened cascade split back: getStaticPaths and the glue running the cascade go, and so do the layout
 * imports nothing else uses; the layouts, still in app/, run their part again.
 */
function splitCascade(m: EditedModule, pathsExport: FoundExport, split: FlatStaticPaths): void {
  removeExport(m, pathsExport);
  // The glue's own comment (how the app router runs the cascade) goes with it.
  if (split.glue) m.removeStatement(split.glue.statement, true);
  dropLayoutImports(m, split.cascade);
}
