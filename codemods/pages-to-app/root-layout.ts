import type { namedTypes as N } from 'ast-types';
import { readModule } from '../_shared/ast.js';
import { endOf, startOf } from '../_shared/edited-module.js';
import { findExport } from '../_shared/find-export.js';
import { markersIn, withMarkers } from '../_shared/marker.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import type { Companion, TransformInput } from '../_shared/types.js';

const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js'];
const STYLESHEET = /\.(?:css|scss|sass|less)$/;

function readFirst(input: TransformInput, base: string): { path: string; source: string } | undefined {
  for (const ext of EXTENSIONS) {
    const source = input.readFile(`${base}${ext}`);
    if (source !== undefined) return { path: `${base}${ext}`, source };
  }
  return undefined;
}

/** `<Html lang="fr">` in _document, when written as a plain string. */
function documentLang(source: string): string | undefined {
  return /<Html\b[^>]*?\blang=(["'])([^"'{}]*)\1/.exec(source)?.[2];
}

interface Special {
  path: string;
  source: string;
}

function parsed(file: Special): N.File | undefined {
  try {
    return readModule(file.source, file.path);
  } catch {
    return undefined;
  }
}

/** `import '../styles/globals.css'`: a global stylesheet, which Next allows only in _app and in app layouts. */
function isStylesheetImport(declaration: N.ImportDeclaration): boolean {
  return (declaration.specifiers ?? []).length === 0 && STYLESHEET.test(String(declaration.source.value));
}

function stylesheetImports(ast: N.File): string[] {
  return (ast.program.body as N.Node[]).flatMap((s) =>
    s.type === 'ImportDeclaration' && isStylesheetImport(s as N.ImportDeclaration) ? [String((s as N.ImportDeclaration).source.value)] : [],
  );
}

/** The default-exported function's body without spaces, when its module holds nothing else than `allowed` imports. */
function onlyBody(file: Special, ast: N.File, allowed: (declaration: N.ImportDeclaration) => boolean): string | undefined {
  const found = findExport(ast, 'default');
  const fn = found?.local?.fn;
  if (!found || !fn) return undefined;
  for (const statement of ast.program.body as N.Node[]) {
    if (statement === found.statement || statement === found.local?.statement) continue;
    if (statement.type !== 'ImportDeclaration' || !allowed(statement as N.ImportDeclaration)) return undefined;
  }
  return file.source.slice(startOf(fn.body as N.Node), endOf(fn.body as N.Node)).replace(/\s+/g, '');
}

const typeOnly = (d: N.ImportDeclaration): boolean =>
  d.importKind === 'type' || ((d.specifiers ?? []).length > 0 && (d.specifiers ?? []).every((s) => (s as { importKind?: string }).importKind === 'type'));

/**
 * Whether the layout carries all of _document: it is the one Next.js writes (`<Html>`, `<Head />`, `<body>` with
 * `<Main />` and `<NextScript />`), whose only setting is the `lang` the layout takes over.
 */
function documentCarried(file: Special, ast: N.File): boolean {
  const body = onlyBody(file, ast, (d) => d.source.value === 'next/document' || typeOnly(d));
  return body !== undefined && /^\{?(?:return)?\(?<Html(?:lang=(["'])[^"'{}]*\1)?><Head\/><body><Main\/><NextScript\/><\/body><\/Html>\)?;?\}?$/.test(body);
}

/** Whether the layout carries all of _app: it renders the page as it is and imports only stylesheets (and types). */
function appCarried(file: Special, ast: N.File): boolean {
  const appProps = (d: N.ImportDeclaration): boolean =>
    d.source.value === 'next/app' && (d.specifiers ?? []).every((s) => s.type === 'ImportSpecifier' && s.imported.name === 'AppProps');
  const body = onlyBody(file, ast, (d) => typeOnly(d) || appProps(d) || isStylesheetImport(d));
  return body !== undefined && /^\{?(?:return)?\(?<Component\{\.\.\.pageProps\}\/>\)?;?\}?$/.test(body);
}

// What a pages/ folder left with only _app and _document does to next build 16.4.6 (seen on a real build).
const SPECIALS_ALONE = 'next build 16.4.6 fails on a pages/ folder that holds nothing but _app or _document ("Cannot find module for page: /_document")';

/**
 * The root layout Next.js requires of every app page ("page.tsx doesn't have a root layout", next build
 * 16.4.6), when the app folder has none: `<html>` and `<body>` around the page, with what pages/_document
 * and pages/_app gave every page that can be carried as it is (the `lang` of `<Html>`, global stylesheet
 * imports) and a marker for the rest. An _app or _document it carries whole is named in `replaces`.
 * Undefined when a root layout exists.
 */
export function rootLayout(input: TransformInput, pagesDir: string, appDir: string, ext: string): Companion | undefined {
  if (readFirst(input, `${appDir}/layout`)) return undefined;
  const ts = ext === '.tsx' || ext === '.ts';
  const path = `${appDir}/layout${ts ? '.tsx' : '.jsx'}`;
  const document = readFirst(input, `${pagesDir}/_document`);
  const app = readFirst(input, `${pagesDir}/_app`);
  const documentAst = document && parsed(document);
  const appAst = app && parsed(app);
  const lang = document ? documentLang(document.source) : undefined;
  const imports = app && appAst ? stylesheetImports(appAst).map((s) => `import '${moveSpecifier(s, app.path, path)}';`) : [];
  const reasons: string[] = [];
  // Files the layout carries whole: the run removes them once no page is left beside them (see run.ts).
  const replaces: string[] = [];
  if (document && documentAst && documentCarried(document, documentAst)) replaces.push(document.path);
  else if (document) {
    reasons.push(
      `${document.path} shaped the HTML of every page: its <Html lang> is carried here; move what else it put in <Head>, <html> or <body> into this layout (metadata, fonts, attributes), and delete it once no page is left in ${pagesDir}/ (${SPECIALS_ALONE})`,
    );
  }
  if (app && appAst && appCarried(app, appAst)) replaces.push(app.path);
  else if (app) {
    reasons.push(
      `${app.path} wrapped every page${imports.length > 0 ? ' (its global stylesheets are imported here)' : ''}: move its providers and shared markup into this layout (those that use state or effects go into a 'use client' component), and delete it once no page is left in ${pagesDir}/ (${SPECIALS_ALONE})`,
    );
  }
  if (input.i18n) {
    reasons.push(
      `with i18n, Next set <html lang> to each page's locale: to keep that, move this layout to ${appDir}/[locale]/layout${ts ? '.tsx' : '.jsx'} and set lang from its params`,
    );
  }
  const props = ts ? '{ children }: { children: React.ReactNode }' : '{ children }';
  const component = [
    `/** The root layout the app router requires around every page (the pages router had none). */`,
    `export default function RootLayout(${props}) {`,
    `  return (`,
    `    <html${lang !== undefined ? ` lang="${lang}"` : ''}>`,
    `      <body>{children}</body>`,
    `    </html>`,
    `  );`,
    `}`,
  ].join('\n');
  const source = [...(imports.length > 0 ? [imports.join('\n'), ''] : []), withMarkers(component, reasons), ''].join('\n');
  return { path, source, markers: markersIn(source), ...(replaces.length > 0 ? { replaces } : {}) };
}
