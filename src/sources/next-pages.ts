import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { faultCode } from '../load/call-guard.js';
import type { Loaded, ModuleSession } from '../load/load-modules.js';
import { exportPathError } from '../model/export-path.js';
import { pagesRouteConflict } from '../model/next-route-sorter.js';
import { paramNames, parsePattern } from '../model/segments.js';
import { loneSurrogate, unwritableParam } from '../model/unwritable-param.js';
import type { Diagnostic, Entry, Route, Segment } from '../model/types.js';
import { nextRules } from '../project/next-version.js';
import type { NextProjectConfig, Project } from '../project/types.js';
import type { SourceResult } from './contract.js';
import { declaredPage } from './declared-in-source.js';
import { loadFollowingLinks } from './load-linked.js';
import { buildPagesStaticPaths, type PagesStaticPaths } from './next-pages-static-paths.js';
import { runStaticProps } from './next-pages-static-props.js';
import { zfbRouteFromModule } from './zfb.js';

/**
 * The Next.js pages router (`pages/` or `src/pages/`) into the route model, as `next build` 16.4.6 sees it.
 *
 * How the build records each kind of page (checked with real `next build`s of fixtures/next-pages-i18n
 * and of the same tree without `i18n`):
 * - getStaticProps + getStaticPaths: prerender-manifest `routes` holds every pathname of
 *   `buildPagesStaticPaths` (locale-prefixed with i18n, default locale included: `/en/p/1`), and
 *   `dynamicRoutes[page].fallback` is `false` / `null` / `'<page>.html'` for fallback false / 'blocking' / true.
 * - getStaticProps on a non-dynamic page: prerender-manifest `routes['/about']`; with i18n one key per
 *   locale, `/en/about`, `/fr/about`, and `/en`, `/fr` for the index page.
 * - no data function (automatic static optimisation): not in the prerender manifest at all, only in
 *   `.next/server/pages-manifest.json` and as `.next/server/pages/about.html` (with i18n `en/about.html`,
 *   `fr/about.html`). The model lists the same URLs as for a getStaticProps page: they are prerendered
 *   HTML all the same.
 * - a dynamic page with no data function: one shell, pages-manifest `/shell/[id]` -> `pages/shell/[id].html`
 *   (per locale with i18n), serving every matching URL: no entries, unmatched 'fallback'.
 * - getServerSideProps / getInitialProps (also every non-SSG page once `_app` has its own
 *   getInitialProps): rendered per request, nothing prerendered: no entries, unmatched 'blocking'.
 * - pages/api/**: API routes, never prerendered.
 */

// Next's framework pages (build/route-discovery.ts PAGES_SUPPORT_ROUTES): not user routes.
const ENGINE_PAGES = new Set(['/_app', '/_document', '/_error', '/404', '/500']);

// lib/constants.ts and server/render.tsx, word for word.
const SSG_GET_INITIAL_PROPS_CONFLICT =
  'You can not use getInitialProps with getStaticProps. To use SSG, please remove your getInitialProps';
const SERVER_PROPS_GET_INIT_PROPS_CONFLICT =
  'You can not use getInitialProps with getServerSideProps. Please remove getInitialProps.';
const SERVER_PROPS_SSG_CONFLICT =
  'You can not use getStaticProps or getStaticPaths with getServerSideProps. To use SSG, please remove getServerSideProps';

// shared/lib/router/utils/is-dynamic.ts (strict form, as isPageStatic calls it).
const DYNAMIC_ROUTE = /\/\[[^/]+\](?=\/|$)/;

interface PageFile {
  abs: string;
  relative: string;
  page: string;
}

/** Next's validation messages, each under its own greppable code. */
const NEXT_ERROR_CODES: Array<[RegExp, string]> = [
  [/^Invalid value returned from getStaticPaths/, 'GSP_INVALID_RETURN'],
  [/^Extra keys returned from getStaticPaths/, 'GSP_EXTRA_KEYS'],
  [/^The `fallback` key must be returned/, 'GSP_FALLBACK'],
  [/^Invalid `paths` value returned/, 'GSP_PATHS'],
  [/^The provided path `/, 'GSP_PATH_MISMATCH'],
  [/^Additional keys were returned from `getStaticPaths`/, 'GSP_ADDITIONAL_KEYS'],
  [/^A required parameter \(/, 'GSP_MISSING_PARAM'],
  [/^Invalid locale returned from getStaticPaths/, 'GSP_INVALID_LOCALE'],
  [/^failed to decode param$/, 'GSP_PATH_DECODE'],
];

/** What the user's getStaticPaths itself threw, told apart from what Next's validation throws. */
class UserCodeError {
  constructor(readonly cause: unknown) {}
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** build/route-discovery.ts `getPageFromPath`: longest extension off, then one trailing `/index`. */
function pageFromPath(relativeToPagesDir: string, pageExtensions: readonly string[]): string {
  let page = '/' + toPosix(relativeToPagesDir);
  for (const extension of [...pageExtensions].sort((a, b) => b.length - a.length)) {
    if (page.endsWith(`.${extension}`)) {
      page = page.slice(0, -(extension.length + 1));
      break;
    }
  }
  if (page.endsWith('/index')) page = page.slice(0, -'/index'.length);
  return page === '' ? '/' : page;
}

/**
 * lib/recursive-readdir.ts as the build walks pages/: a symbolic link is followed (a linked folder is walked,
 * a broken link skipped). A linked page file is found too, but a real `next build` (Turbopack, its default)
 * fails on it: "Could not parse module '[project]/pages/alias.jsx'", then "Failed to collect page data for
 * /alias"; pages inside a linked folder build. A folder that links back to one it is inside is walked once.
 */
function scanPages(project: Project, pagesDir: string, pageExtensions: readonly string[]): { files: PageFile[]; linkedFiles: Set<string>; cycles: string[] } {
  const extension = new RegExp(`\\.(?:${pageExtensions.map((e) => e.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&')).join('|')})$`);
  const files: PageFile[] = [];
  const linkedFiles = new Set<string>();
  const cycles: string[] = [];
  const walk = (dir: string, ancestors: ReadonlySet<string>): void => {
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, dirent.name);
      let isDirectory = dirent.isDirectory();
      if (dirent.isSymbolicLink()) {
        const target = statOrUndefined(abs);
        if (!target) continue;
        isDirectory = target.isDirectory();
        if (!isDirectory) linkedFiles.add(abs);
      }
      if (isDirectory) {
        const real = realpathSync(abs);
        if (ancestors.has(real)) cycles.push(toPosix(path.relative(project.root, abs)));
        else walk(abs, new Set([...ancestors, real]));
      } else if (extension.test(dirent.name)) {
        files.push({
          abs,
          relative: toPosix(path.relative(project.root, abs)),
          page: pageFromPath(path.relative(pagesDir, abs), pageExtensions),
        });
      }
    }
  };
  walk(pagesDir, new Set([realpathSync(pagesDir)]));
  files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { files, linkedFiles, cycles };
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function isApiPage(page: string): boolean {
  return page === '/api' || page.startsWith('/api/');
}

function route(file: PageFile, segments: Segment[], fields: Partial<Route> = {}): Route {
  return {
    pattern: file.page,
    segments,
    file: file.relative,
    origin: 'next-pages',
    kind: 'page',
    providers: [],
    unmatched: 'not-found',
    entries: [],
    ...fields,
  };
}

/**
 * A page whose module could not be loaded keeps what its source declares: a static page its URL (the build
 * would prerender it), a dynamic one the fallback written in its getStaticPaths; the load error says why
 * there is nothing more.
 */
async function unloadedRoute(file: PageFile, segments: Segment[], config: NextProjectConfig): Promise<Route> {
  const declared = await declaredPage(file.abs);
  if (declared.serverRendered) return route(file, segments, { unmatched: 'blocking' });
  if (DYNAMIC_ROUTE.test(file.page)) return route(file, segments, { unmatched: declared.fallback ?? (declared.getStaticPaths ? 'not-found' : 'fallback') });
  return route(file, segments, { entries: staticEntries(file.page, config) });
}

/** One URL per locale with i18n (the index page is `/en`, not `/en/`), else the page itself. */
function staticEntries(page: string, config: NextProjectConfig): Entry[] {
  if (!config.i18n) return [{ url: page, params: {} }];
  return config.i18n.locales.map((locale) => ({ url: `/${locale}${page === '/' ? '' : page}`, params: {}, locale }));
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.constructor === Error ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Params a static build cannot write safely: `.` and `..` resolve to another path (zfb would write the page
 * somewhere else); NUL, line breaks and over-long values are no file name (see unwritable-param.ts); a lone
 * surrogate cannot be encoded at all, and Next fails the build on it.
 */
function paramDiagnostics(file: PageFile, entries: readonly Entry[], unencodable: PagesStaticPaths['unencodable']): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const returned = (key: string, value: unknown): string => `getStaticPaths in ${file.relative} returned ${key} = ${JSON.stringify(value)}`;
  for (const { key, value } of unencodable) {
    warnings.push({
      severity: 'error',
      code: 'GSP_PARAM_UNENCODABLE',
      file: file.relative,
      function: 'getStaticPaths',
      message: `${returned(key, value)}: ${JSON.stringify(loneSurrogate(value))} holds a lone surrogate, which no URL can encode; next build fails with "URIError: URI malformed". The other paths are listed.`,
    });
  }
  for (const entry of entries) {
    for (const [key, value] of Object.entries(entry.params)) {
      const values = Array.isArray(value) ? value : [value];
      const dot = values.find((v) => v === '.' || v === '..');
      if (dot !== undefined) {
        warnings.push({
          severity: 'warning',
          code: 'GSP_DOT_SEGMENT',
          file: file.relative,
          function: 'getStaticPaths',
          message: `${returned(key, value)} (URL ${entry.url}): "${dot}" is a dot segment, which resolves to another path when the page is written to disk, so zfb cannot write this URL safely`,
        });
      }
      const unwritable = unwritableParam(value);
      if (unwritable) {
        warnings.push({
          severity: unwritable.problem.severity,
          code: 'GSP_PARAM_UNWRITABLE',
          file: file.relative,
          function: 'getStaticPaths',
          message: `${returned(key, value)} (URL ${entry.url}): ${unwritable.problem.why}, so a static build cannot write this URL`,
        });
      }
    }
  }
  return warnings;
}

type Exports = Record<string, unknown>;

function has(module: Exports, name: string): boolean {
  return !!module[name];
}

/** isPageStatic (build/utils.ts), the SWC SSG transform and server/render.tsx checks, in the order a build hits them. */
function preCheck(page: string, module: Exports): { code: string; message: string } | undefined {
  const component = module.default as { getInitialProps?: unknown } | undefined;
  // react-is `isValidElementType`, as far as a page default export can be one: a component function or class,
  // or a memo / forwardRef / lazy object.
  const validComponent =
    typeof component === 'function' || (typeof component === 'object' && component !== null && '$$typeof' in component);
  if (!validComponent) {
    return {
      code: 'PAGES_NO_DEFAULT_EXPORT',
      // build/index.ts, for one page.
      message: `Build optimization failed: found page without a React Component as default export in \npages${page}\n\nSee https://nextjs.org/docs/messages/page-without-valid-component for more info.\n`,
    };
  }
  const gip = !!component?.getInitialProps;
  const gsp = has(module, 'getStaticProps');
  const paths = has(module, 'getStaticPaths');
  const gssp = has(module, 'getServerSideProps');
  const dynamic = DYNAMIC_ROUTE.test(page);
  // A compile error of the SWC SSG transform, before any data is collected.
  if (gssp && (gsp || paths)) return { code: 'PAGES_SSG_SSR_CONFLICT', message: SERVER_PROPS_SSG_CONFLICT };
  if (gip && gsp) return { code: 'PAGES_GIP_SSG_CONFLICT', message: SSG_GET_INITIAL_PROPS_CONFLICT };
  if (gip && gssp) return { code: 'PAGES_GIP_SSR_CONFLICT', message: SERVER_PROPS_GET_INIT_PROPS_CONFLICT };
  if (gsp && paths && !dynamic) {
    return {
      code: 'GSP_NON_DYNAMIC',
      message: `getStaticPaths can only be used with dynamic pages, not '${page}'.\nLearn more: https://nextjs.org/docs/routing/dynamic-routes`,
    };
  }
  if (gsp && dynamic && !paths) {
    return {
      code: 'GSP_REQUIRED',
      message: `getStaticPaths is required for dynamic SSG pages and is missing for '${page}'.\nRead more: https://nextjs.org/docs/messages/invalid-getstaticpaths-value`,
    };
  }
  // Raised while prerendering the page (server/render.tsx), which is where a build meets these two.
  if (paths && !gsp && !dynamic) {
    return {
      code: 'GSP_NON_DYNAMIC',
      message: `getStaticPaths is only allowed for dynamic SSG pages and was found on '${page}'.\nRead more: https://nextjs.org/docs/messages/non-dynamic-getstaticpaths-usage`,
    };
  }
  if (paths && !gsp) {
    return {
      code: 'GSP_WITHOUT_GSP',
      message: `getStaticPaths was added without a getStaticProps in ${page}. Without getStaticProps, getStaticPaths does nothing`,
    };
  }
  return undefined;
}

function loadDiagnostic(file: PageFile, loaded: Loaded | undefined): Diagnostic {
  const error = loaded && !loaded.ok ? loaded.error : { message: 'the module could not be loaded' };
  const elsewhere = error.file && error.file !== file.relative && !error.chain;
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: ('fault' in error && error.fault) || 'MODULE_LOAD',
    file: error.file ?? file.relative,
    message: `${file.relative} (route ${file.page}) could not be loaded: ${error.message}${elsewhere ? ` (in ${error.file}, which it imports)` : ''}`,
  };
  if (error.line !== undefined) diagnostic.line = error.line;
  if (error.column !== undefined) diagnostic.column = error.column;
  return diagnostic;
}

async function staticPathsRoute(
  file: PageFile,
  segments: Segment[],
  module: Exports,
  config: NextProjectConfig,
  session: ModuleSession,
  options: PagesSourceOptions,
): Promise<SourceResult> {
  const keys = paramNames(segments);
  const base = route(file, segments, { providers: [{ file: file.relative, function: 'getStaticPaths', keys }] });
  const getStaticPaths = session.guarded({ file: file.relative, function: 'getStaticPaths', route: file.page }, module.getStaticPaths as (ctx: object) => unknown);
  try {
    const result = await session.run(() =>
      buildPagesStaticPaths({
        page: file.page,
        configFileName: config.configFileName,
        ...(config.i18n ? { locales: config.i18n.locales, defaultLocale: config.i18n.defaultLocale } : {}),
        copiesLocales: nextRules(config).copiesLocales,
        getStaticPaths: async (ctx) => {
          try {
            return await getStaticPaths(ctx);
          } catch (error) {
            throw new UserCodeError(error);
          }
        },
      }),
    );
    const diagnostics: Diagnostic[] = [];
    const listed = result.entries.filter((entry) => {
      const mismatch = exportPathError(file.page, entry, config.i18n?.locales);
      if (mismatch) diagnostics.push({ severity: 'error', code: 'GSP_EXPORT_PATH_MISMATCH', file: file.relative, function: 'getStaticPaths', message: mismatch });
      return !mismatch;
    });
    const props = await staticProps(file, module, listed, config, session, options);
    return {
      routes: [{ ...base, unmatched: result.unmatched, entries: props.entries }],
      diagnostics: [...diagnostics, ...paramDiagnostics(file, listed, result.unencodable), ...props.diagnostics],
    };
  } catch (error) {
    const diagnostic: Diagnostic =
      error instanceof UserCodeError && faultCode(error.cause)
        ? { severity: 'error', code: faultCode(error.cause)!, file: file.relative, function: 'getStaticPaths', message: (error.cause as Error).message }
        : error instanceof UserCodeError
        ? {
            severity: 'error',
            code: 'GSP_THREW',
            file: file.relative,
            function: 'getStaticPaths',
            message: `getStaticPaths for ${file.page} threw: ${describe(error.cause)}`,
          }
        : {
            severity: 'error',
            code: NEXT_ERROR_CODES.find(([pattern]) => error instanceof Error && pattern.test(error.message))?.[1] ?? 'GSP_INVALID_PATH_ENTRY',
            file: file.relative,
            function: 'getStaticPaths',
            message: describe(error),
          };
    // The URLs are lost with the call, but the fallback its source declares still says what Next serves.
    const declared = await declaredPage(file.abs);
    return { routes: [declared.fallback ? { ...base, unmatched: declared.fallback } : base], diagnostics: [diagnostic] };
  }
}

export interface PagesSourceOptions {
  /**
   * Call getStaticProps for every URL, to leave out those it answers with notFound (and report its errors).
   * `zfb-next build` does not: it renders every URL and learns the same from the one call the render makes.
   */
  callStaticProps: boolean;
}

export async function nextPagesSource(project: Project, session: ModuleSession, options: PagesSourceOptions = { callStaticProps: true }): Promise<SourceResult> {
  const config = project.next;
  if (!project.pagesDir || !config) return { routes: [], diagnostics: [] };
  const { files, linkedFiles, cycles } = scanPages(project, project.pagesDir, config.pageExtensions);
  const routes: Route[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const link of cycles) {
    diagnostics.push({
      severity: 'warning',
      code: 'PAGES_LINK_CYCLE',
      file: link,
      message: `${link} is a link to a folder it is inside; its pages are listed once, from the real folder`,
    });
  }

  // Turbopack hands the pages to the sorter in descending order of their names (three real builds: `[a]/x`,
  // `[b]/y`, `[c]/z` fail with ('c' !== 'b'); with `[d]/q` instead of `[a]/x`, ('d' !== 'c')), and which
  // conflict is reported first depends on that order.
  const conflict = pagesRouteConflict(files.map((f) => f.page).sort().reverse(), { threeDotCheck: nextRules(config).threeDotCheck });
  if (conflict) {
    const dynamicFiles = files.filter((f) => f.page.includes('[')).map((f) => f.relative);
    const named = conflictingFiles(conflict, files);
    diagnostics.push({
      severity: 'error',
      code: 'PAGES_ROUTE_CONFLICT',
      file: named[0] ?? dynamicFiles[0] ?? files[0]?.relative,
      message: `${conflict} (pages router files: ${named.join(', ') || dynamicFiles.join(', ')})`,
    });
  }

  const pages = files.filter((f) => !ENGINE_PAGES.has(f.page) && !isApiPage(f.page));
  for (const file of files.filter((f) => isApiPage(f.page))) {
    routes.push(route(file, parsePattern(file.page), { kind: 'api', unmatched: 'blocking' }));
  }

  const app = files.find((f) => f.page === '/_app');
  const loaded = await loadFollowingLinks(session, project.root, [...(app ? [app.abs] : []), ...pages.map((f) => f.abs)], 'pages');
  const appModule = app ? loaded.get(app.abs) : undefined;
  if (app && appModule && !appModule.ok) diagnostics.push(loadDiagnostic(app, appModule));
  // build/index.ts: a custom App.getInitialProps turns automatic static optimisation off (a class that
  // merely extends next/app's App inherits Next's own, which does not count).
  const appComponent = appModule?.ok ? (appModule.module.default as object | undefined) : undefined;
  const customAppGetInitialProps = !!appComponent && Object.prototype.hasOwnProperty.call(appComponent, 'getInitialProps');

  for (const file of pages) {
    const segments = parsePattern(file.page);
    if (linkedFiles.has(file.abs)) {
      routes.push(route(file, segments));
      diagnostics.push({
        severity: 'error',
        code: 'PAGES_LINKED_FILE',
        file: file.relative,
        message:
          `${file.relative} is a symbolic link, and next build (Turbopack) cannot build a linked page file: it fails with ` +
          `"Could not parse module '[project]/${file.relative}'", then "Failed to collect page data for ${file.page}". ` +
          'Copy the file into pages/, or link its folder instead (pages in a linked folder build).',
      });
      continue;
    }
    const result = loaded.get(file.abs);
    if (!result?.ok) {
      routes.push(await unloadedRoute(file, segments, config));
      diagnostics.push(loadDiagnostic(file, result));
      continue;
    }
    const module = result.module;
    if ('paths' in module && !('getStaticPaths' in module) && !('getStaticProps' in module)) {
      const zfb = await zfbRouteFromModule({ project, session, file: file.abs, relative: file.relative, segments, module });
      routes.push(...zfb.routes);
      diagnostics.push(...zfb.diagnostics);
      continue;
    }
    const problem = preCheck(file.page, module);
    if (problem) {
      routes.push(route(file, segments));
      diagnostics.push({ severity: 'error', code: problem.code, file: file.relative, message: problem.message });
      continue;
    }
    if (has(module, 'getStaticPaths')) {
      const one = await staticPathsRoute(file, segments, module, config, session, options);
      routes.push(...one.routes);
      diagnostics.push(...one.diagnostics);
      continue;
    }
    const component = module.default as { getInitialProps?: unknown } | undefined;
    const serverRendered =
      has(module, 'getServerSideProps') || !!component?.getInitialProps || (customAppGetInitialProps && !has(module, 'getStaticProps'));
    if (serverRendered) {
      routes.push(route(file, segments, { unmatched: 'blocking' }));
      continue;
    }
    if (DYNAMIC_ROUTE.test(file.page)) {
      // A dynamic page without data functions is prerendered once as its `[id].html` shell and serves every
      // matching URL with it; the params are read in the browser: a fallback page for every URL.
      routes.push(route(file, segments, { unmatched: 'fallback' }));
      continue;
    }
    const entries = staticEntries(file.page, config);
    const props = has(module, 'getStaticProps') ? await staticProps(file, module, entries, config, session, options) : { entries, diagnostics: [] };
    routes.push(route(file, segments, { entries: props.entries }));
    diagnostics.push(...props.diagnostics);
  }
  return { routes, diagnostics };
}

/** Each URL's getStaticProps, as the build calls it: a URL it answers with notFound is no page. */
async function staticProps(file: PageFile, module: Exports, entries: Entry[], config: NextProjectConfig, session: ModuleSession, options: PagesSourceOptions): Promise<{ entries: Entry[]; diagnostics: Diagnostic[] }> {
  if (!options.callStaticProps) return { entries, diagnostics: [] };
  const getStaticProps = module.getStaticProps as (context: object) => unknown;
  return runStaticProps({
    page: file.page,
    file: file.relative,
    getStaticProps: (context, url) => session.callGuarded({ file: file.relative, function: 'getStaticProps', route: url }, () => getStaticProps(context)),
    entries,
    i18n: config.i18n,
  });
}

/** The files whose route names appear in a conflict message (quoted as `'id'`, `"[...one]"`, `"/sub"`). */
function conflictingFiles(message: string, files: readonly PageFile[]): string[] {
  const quoted = [...message.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return files
    .filter((f) =>
      quoted.some((q) => {
        const parts = f.page.split('/');
        return f.page === q || parts.some((p) => p === q || p === `[${q}]` || p === `[...${q}]` || p === `[[...${q}]]`);
      }),
    )
    .map((f) => f.relative);
}
