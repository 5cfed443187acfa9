import type { namedTypes as N } from 'ast-types';
import type { PatternKind } from 'ast-types/lib/gen/kinds';
import { types } from 'recast';
import { EditedModule } from '../_shared/edited-module.js';
import { findExport } from '../_shared/find-export.js';
import { NOT_STATIC, staticValue } from '../_shared/literal.js';
import { markerComment, newMarkers, withMarkers } from '../_shared/marker.js';
import { dropUnusedImports, ensureTypeImport, removeExport, rewriteRelativeImports, unexport } from '../_shared/module-edits.js';
import { findPageComponent } from '../_shared/page-component.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import { routeFromPath } from '../_shared/route-file.js';
import { APP_DATA_EXPORTS, markOpaque, opaqueExports } from '../_shared/opaque-exports.js';
import type { Transform, TransformInput } from '../_shared/types.js';
import { cascadeFunction, readCascade } from './cascade.js';
import { freeName, loadReferences, navigationReach, navigationResultFunction } from './navigation-errors.js';
import { splitPageComponent } from './page-data.js';

// next/dist/server/render.js throws this when a path getStaticPaths lists redirects; the app router prerenders
// such a redirect instead.
const REDIRECT_AT_BUILD =
  "getStaticProps returns a redirect: next build fails when a path listed here redirects (`redirect` can not be returned from getStaticProps during prerendering); leave those params out and use fallback: 'blocking', so they redirect on request";

const n = types.namedTypes;

/** `Promise<X>` → `X` inside a type annotation's text: getStaticProps gets params as a plain object. */
function unwrapPromiseType(text: string): string {
  return text.replace(/Promise<([^<>]*(?:<[^<>]*>[^<>]*)*)>/g, '$1');
}

function paramsTypeText(route: ReturnType<typeof routeFromPath>): string {
  const members = (route?.segments ?? []).flatMap((s) =>
    s.kind === 'static' ? [] : [`${s.name}${s.kind === 'optional-catchall' ? '?' : ''}: ${s.kind === 'dynamic' ? 'string' : 'string[]'}`],
  );
  return `{ ${members.join('; ')} }`;
}

/** Route segment config the pages router has no place for. */
function segmentConfig(ast: N.File, name: string): { found: ReturnType<typeof findExport>; value: unknown } {
  const found = findExport(ast, name);
  const init = found?.local?.init;
  return { found, value: init ? staticValue(init) : NOT_STATIC };
}

const transform: Transform = (input: TransformInput) => {
  const route = routeFromPath(input.path);
  if (!route || route.router !== 'app' || route.role !== 'page') return { source: null, markers: [], skipped: 'not an app-router page file' };
  const m = new EditedModule(input.source, input.path);
  const ast = m.ast;
  const opaque = opaqueExports(ast, APP_DATA_EXPORTS);
  if (opaque.length > 0) return markOpaque(m, input, opaque);
  const ts = m.typescript;
  const pagesDir = route.dir.replace(/app$/, 'pages');
  const pattern = route.pattern === '/' ? '/index' : route.pattern;
  const outputPath = `${pagesDir}${pattern}${route.ext}`;
  const dynamic = route.segments.some((s) => s.kind !== 'static');

  const taken = new Set<string>();
  for (const statement of ast.program.body) if (n.ImportDeclaration.check(statement)) for (const s of statement.specifiers ?? []) taken.add(String(s.local?.name));
  const cascade = readCascade(route, input, taken);
  const ownParams = findExport(ast, 'generateStaticParams');

  // dynamicParams: false on the page or any layout above it → fallback: false (route-wide AND, app.ts).
  const pageDynamicParams = segmentConfig(ast, 'dynamicParams');
  const values = [...cascade.dynamicParams.map((d) => d.value), ...(pageDynamicParams.found ? [pageDynamicParams.value] : [])];
  const staticOnly = values.includes(false);
  const unknownDynamicParams = values.some((v) => v !== false && v !== true);
  if (pageDynamicParams.found) removeExport(m, pageDynamicParams.found);

  const dynamicConfig = segmentConfig(ast, 'dynamic');
  let forceDynamic = false;
  if (dynamicConfig.found) {
    if (dynamicConfig.value === 'force-dynamic') forceDynamic = true;
    else removeExport(m, dynamicConfig.found);
  }
  if (forceDynamic) {
    return { source: null, markers: [], skipped: "dynamic = 'force-dynamic' renders on every request: that is getServerSideProps, not a static page" };
  }

  const revalidate = segmentConfig(ast, 'revalidate');
  let revalidateName: string | undefined;
  if (revalidate.found?.form === 'declaration') {
    unexport(m, revalidate.found);
    revalidateName = 'revalidate';
  } else if (revalidate.found) {
    revalidateName = revalidate.found.local?.name;
    removeExport(m, revalidate.found);
  }

  for (const name of ['metadata', 'generateMetadata']) {
    const found = findExport(ast, name);
    if (found) m.marker(found.statement, `${name} has no pages-router equivalent: render the tags with next/head`);
  }

  // New top-level code, each laid out in the module's style.
  const statements: string[] = [];
  const add = (code: string): void => void statements.push(m.layout(code, ''));
  // getStaticPaths from the page's generateStaticParams and those of the layouts above it.
  let ownName: string | undefined;
  if (ownParams) {
    if (ownParams.form === 'declaration') {
      unexport(m, ownParams);
      ownName = 'generateStaticParams';
    } else if (ownParams.form === 're-export') {
      removeExport(m, ownParams);
      ownName = 'generateStaticParams';
      const imported = ownParams.specifier && n.Identifier.check(ownParams.specifier.local) ? ownParams.specifier.local.name : 'generateStaticParams';
      add(`import { ${imported} as generateStaticParams } from '${moveSpecifier(ownParams.source ?? '', input.path, outputPath)}';`);
    } else {
      removeExport(m, ownParams);
      ownName = ownParams.local?.name ?? 'generateStaticParams';
    }
  }
  const generators = [...cascade.layouts.map((l) => l.localName), ...(ownName ? [ownName] : [])];
  // Seen from the page's new place, as every relative import of the module will be.
  const imports = cascade.layouts.map((l) => `import { generateStaticParams as ${l.localName} } from '${moveSpecifier(l.specifier, input.path, outputPath)}';`);

  if (dynamic) {
    const fallback = staticOnly ? 'false' : "'blocking'";
    let source: string;
    if (generators.length === 0) source = '[]';
    else if (generators.length === 1) {
      const takesParams = cascade.layouts[0] ? cascade.layouts[0].takesParams : (ownParams?.local?.fn?.params.length ?? 1) > 0;
      source = `(await ${generators[0]}(${takesParams ? '{ params: {} }' : ''}))`;
    }
    else source = '(await generateAllParams())';
    if (generators.length > 1) add(cascadeFunction(generators, ts));
    const paths = source === '[]' ? '[]' : `${source}.map((params) => ({ params }))`;
    add(['export async function getStaticPaths() {', '  return {', `    paths: ${paths},`, `    fallback: ${fallback},`, '  };', '}'].join('\n'));
  } else if (generators.length > 0) {
    add(markerComment('generateStaticParams on a static route does nothing; remove it'));
  }

  // getStaticProps from the data the async page component loads.
  const component = findPageComponent(ast);
  const defaultExport = findExport(ast, 'default');
  let propsNames: string[] = [];
  let propsParam = '';
  if (component) {
    const originalParam = component.params[0] as PatternKind | undefined;
    const paramText = originalParam ? m.text(originalParam) : '';
    const annotation = (originalParam as { typeAnnotation?: N.Node } | undefined)?.typeAnnotation;
    const split = splitPageComponent(m, component);
    if ('marker' in split) {
      m.marker(defaultExport!.statement, split.marker);
    } else {
      propsNames = split.props;
      const load = split.load;
      if (originalParam) {
        let contextParam = paramText;
        if (annotation && ts) {
          const typeText = m.text(annotation);
          contextParam = paramText.slice(0, paramText.length - typeText.length) + (/PageProps</.test(typeText) ? `: { params: ${paramsTypeText(route)} }` : unwrapPromiseType(typeText));
        }
        propsParam = contextParam;
      }
      const propsPattern = propsNames.length > 0 ? `{ ${propsNames.join(', ')} }` : '';
      const typeAnnotation = ts && propsPattern ? ': InferGetStaticPropsType<typeof getStaticProps>' : '';
      m.replaceParams(component, propsPattern ? `${propsPattern}${typeAnnotation}` : '');
      if (typeAnnotation) ensureTypeImport(m, 'next', 'InferGetStaticPropsType');
      const resultParts = [`props: { ${propsNames.join(', ')} }`];
      if (revalidateName) resultParts.push(revalidateName === 'revalidate' ? 'revalidate' : `revalidate: ${revalidateName}`);
      const result = propsNames.length > 0 || revalidateName ? `{ ${resultParts.join(', ')} }` : '{ props: {} }';
      // The moved loading code is not in the module's text until the statements go in.
      const used = m.usedNames();
      const inLoad = loadReferences(load, input.path);
      // next/navigation calls the statements above did not become results throw in the pages router, where
      // next build fails on the page: getStaticProps catches them and returns their results.
      const reach = load ? navigationReach(ast, input, (name) => used.has(name) || inLoad(name)) : new Set<string>();
      if (load || dynamic || revalidateName) {
        // The loading code keeps its own text and layout; the lines around it follow the module's indent step.
        const step = m.deeper('');
        if (reach.size > 0) {
          const catcher = freeName(input.source, 'navigationResult');
          add(navigationResultFunction(catcher, ts));
          statements.push(
            [
              `export async function getStaticProps(${propsParam}) {`,
              `${step}try {`,
              split.nestedLoad,
              `${step}${step}return ${result};`,
              `${step}} catch (error) {`,
              `${step}${step}return ${catcher}(error);`,
              `${step}}`,
              '}',
            ].join('\n'),
          );
        } else {
          statements.push([`export async function getStaticProps(${propsParam}) {`, ...(load ? [load] : []), `${step}return ${result};`, '}'].join('\n'));
        }
      }
      dropUnusedImports(m, 'next/navigation', [...split.replaced].filter((name) => !inLoad(name)));
      const paths = statements.findIndex((s) => s.startsWith('export async function getStaticPaths'));
      if (paths >= 0 && ['redirect', 'permanentRedirect'].some((name) => split.replaced.has(name) || reach.has(name))) {
        statements[paths] = withMarkers(statements[paths]!, [REDIRECT_AT_BUILD]);
      }
    }
  } else if (defaultExport) {
    m.marker(defaultExport.statement, 'the default export is not a component function defined here: load its data in getStaticProps by hand');
  }
  const body = ast.program.body as N.Node[];
  if (revalidate.value === 0) {
    m.marker(body[0]!, 'revalidate = 0 renders on every request in the app router: that is getServerSideProps');
  }
  if (unknownDynamicParams) statements.unshift(markerComment("dynamicParams is computed: fallback false if it is false, 'blocking' otherwise"));

  // New imports go after the existing ones; the data functions go right before the page component.
  if (imports.length > 0) {
    const lastImport = body.filter((s) => n.ImportDeclaration.check(s)).pop();
    if (lastImport) m.insertAfter(lastImport, imports.join('\n'), '\n');
    else if (body[0]) m.insertBefore(body[0], imports.join('\n'));
  }
  if (statements.length > 0) {
    const componentStatement = defaultExport?.local && defaultExport.form !== 'default' ? defaultExport.local.statement : defaultExport?.statement;
    const text = statements.join('\n\n');
    if (componentStatement) m.insertTextBefore(componentStatement, `${text}\n\n`);
    else m.insertAfter(undefined, text);
  }
  rewriteRelativeImports(m, input.path, outputPath);
  const source = m.print();
  return { source, outputPath, markers: newMarkers(input.source, source) };
};

export default transform;
