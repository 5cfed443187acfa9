import { readFileSync } from 'node:fs';
import { babelOptions } from '../../codemods/_shared/babel-options.js';
import { babelParser } from '../load/babel-parser.js';
import { faultCode } from '../load/call-guard.js';
import type { Loaded, ModuleSession } from '../load/load-modules.js';
import {
  getStaticMetadataPrerenderPathname,
  isMetadataRoute,
  isMetadataRouteFile,
  matchMetadataFile,
  metadataRouteOfPage,
  normalizeMetadataPageToRoute,
  type MetadataType,
} from '../model/next-metadata-route.js';
import { parsePattern } from '../model/segments.js';
import type { Diagnostic, Route } from '../model/types.js';
import type { NextRules } from '../project/next-version.js';
import { reduceConfig, type CascadeSegment } from './next-app-cascade.js';
import type { AppRouteFiles } from './next-app-files.js';
import { metadataRouteArgs } from './next-metadata-args.js';
import { probeCall } from './next-app-probe.js';

/**
 * Metadata routes of the app router (robots, sitemap, manifest, favicon, icon, apple-icon, opengraph-image,
 * twitter-image), as next@16.4.6 builds them. Each is a route handler Next generates around the file
 * (crates/next-core/src/next_app/metadata/route.rs, the templates of build/webpack/loaders/
 * next-metadata-route-loader.ts): a file served as it is (`icon.png`, `robots.txt`) is `force-static`; a code
 * file (`robots.ts`) is called at build time, and prerendered unless it reaches a request-time API or opts
 * out; one that exports `generateSitemaps` / `generateImageMetadata` serves one URL per id.
 */

export interface MetadataRouteInfo {
  type: MetadataType;
  /** A code file (`robots.ts`), not a file served as it is (`robots.txt`). */
  dynamic: boolean;
  /** Exports `generateSitemaps` or `generateImageMetadata`: one URL per id, under `/[__metadata_id__]`. */
  multi: boolean;
  /** In the JS build's own page list, so `next build` considers prerendering it (see next-metadata-route.ts). */
  listed: boolean;
}

/**
 * The app path of a metadata file (`/blog/icon.png` → `/blog/icon.png/route`), or undefined for any other
 * file. Turbopack names the route after the file name, or its stem for a code file (app_structure.rs
 * `get_metadata_route_name`), then `normalize_metadata_route` and the `/[__metadata_id__]` of
 * metadata/route.rs `get_app_metadata_route_entry`; '%5F' in a folder name reads as '_'.
 */
export function metadataAppPath(
  relative: string,
  absolute: string,
  pageExtensions: readonly string[],
): { appPath: string; info: MetadataRouteInfo } | undefined {
  const slash = relative.lastIndexOf('/');
  const basename = relative.slice(slash + 1);
  if (basename.endsWith('.d.ts')) return undefined;
  const match = matchMetadataFile(basename, slash === 0, pageExtensions);
  if (!match) return undefined;
  const multi = match.dynamic && exportsGenerator(absolute);
  const name = match.dynamic ? basename.slice(0, basename.lastIndexOf('.')) : basename;
  const page = `${relative.slice(0, slash).replace(/%5F/g, '_')}/${name}`;
  const appPath = normalizeMetadataPageToRoute(metadataRouteOfPage(page), multi);
  return { appPath, info: { ...match, multi, listed: isMetadataRouteFile(relative, pageExtensions, true) } };
}

const GENERATORS = ['generateSitemaps', 'generateImageMetadata'];

/**
 * Whether the module itself exports `generateSitemaps` or `generateImageMetadata`. Next reads this from the
 * source before any code runs (segment config parsing, build/analysis/get-page-static-info.ts
 * `checkExports`), so a name reached only through `export *` does not count.
 */
function exportsGenerator(file: string): boolean {
  const source = readFileSync(file, 'utf8');
  // Without either name (or a \u escape, which could spell one), the module exports neither.
  if (!/generateSitemaps|generateImageMetadata|\\u/.test(source)) return false;
  let program;
  try {
    program = babelParser().parse(source, babelOptions(file, false)).program;
  } catch {
    // Loading the module reports the syntax error.
    return false;
  }
  for (const node of program.body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    const declaration = node.declaration;
    if (declaration?.type === 'FunctionDeclaration' && GENERATORS.includes(declaration.id?.name ?? '')) return true;
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) if (d.id.type === 'Identifier' && GENERATORS.includes(d.id.name)) return true;
    }
    for (const specifier of node.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (GENERATORS.includes(exported)) return true;
    }
  }
  return false;
}

/** The function behind a multi route's ids, as users name it. */
function generatorOf(info: MetadataRouteInfo): 'generateSitemaps' | 'generateImageMetadata' | undefined {
  if (!info.multi) return undefined;
  if (info.type === 'sitemap') return 'generateSitemaps';
  return info.type === 'robots' || info.type === 'manifest' ? undefined : 'generateImageMetadata';
}

/**
 * A metadata route that runs no code at build time: a file served as it is, or a file that next build
 * routes but never prerenders. Next writes a static file once; below a dynamic segment, at a placeholder
 * URL that the pages link to (`/posts/-/icon.png`, build/index.ts), unless a group suffix keeps it from
 * matching.
 */
export function fileMetadataRoute(files: AppRouteFiles, info: MetadataRouteInfo, file: string, isStaticExport: boolean): { route: Route; diagnostics: Diagnostic[] } {
  const dynamicPattern = files.pathnameParams.length > 0;
  const route: Route = {
    pattern: files.pattern,
    segments: parsePattern(files.pattern),
    file,
    origin: 'next-app',
    kind: 'route-handler',
    providers: [],
    unmatched: dynamicPattern ? 'blocking' : 'not-found',
    entries: [],
  };
  const diagnostics: Diagnostic[] = [];
  const notPrerendered = (why: string): Diagnostic => ({
    severity: 'info',
    code: 'APP_METADATA_NOT_PRERENDERED',
    file,
    message: `Next.js serves ${files.pattern} on request but prerenders no URL of it (${why}), so a static build gets no file for it.`,
  });
  if (!info.listed) {
    // Served on request, so it answers at its own path (routes and diff count it; an export tree lacks it).
    route.unmatched = 'blocking';
    const why = 'its build takes a numbered metadata file for a route only with one digit, icon0 to icon9, while Turbopack routes any number';
    const diagnostic = notPrerendered(why);
    if (isStaticExport) {
      diagnostic.severity = 'warning';
      diagnostic.message = `With output: 'export', ${files.pattern} is lost: Turbopack routes ${file}, but the export writes no file for it (${why}).`;
    }
    diagnostics.push(diagnostic);
    return { route, diagnostics };
  }
  if (!dynamicPattern) {
    route.entries = [{ url: files.pattern, params: {} }];
    return { route, diagnostics };
  }
  let placeholder: string | null;
  try {
    placeholder = getStaticMetadataPrerenderPathname(files.pattern);
  } catch {
    placeholder = null;
  }
  if (placeholder) {
    route.entries = [{ url: placeholder, params: {} }];
    diagnostics.push({
      severity: 'info',
      code: 'APP_METADATA_PLACEHOLDER',
      file,
      message: `${file} is one file for every URL of ${parentPattern(files.pattern)}: Next.js writes it once, at ${placeholder}, the URL its pages link to (a server also answers ${files.pattern} for any params with it).`,
    });
    return { route, diagnostics };
  }
  if (isStaticExport) {
    diagnostics.push({
      severity: 'error',
      code: 'APP_EXPORT_MISSING_GSP',
      file,
      message: `Page "${files.pattern}" is missing "generateStaticParams()" so it cannot be used with "output: export" config. See more info here: https://nextjs.org/docs/messages/generate-static-params`,
    });
  }
  diagnostics.push(notPrerendered('its group or slot suffix keeps it from being taken for a static metadata file below a dynamic segment'));
  return { route, diagnostics };
}

/**
 * The exports of the route module Next generates around a metadata code file: the file's own
 * (`export * from`), and for one URL per id, a `generateStaticParams` over `generateSitemaps` /
 * `generateImageMetadata` that replaces any of the file's own (the templates of metadata/route.rs, errors
 * word for word).
 */
export function metadataRouteExports(info: MetadataRouteInfo, exports: Record<string, unknown>): Record<string, unknown> {
  const generator = generatorOf(info);
  if (!generator) return exports;
  const generate = exports[generator] as (arg?: unknown) => unknown;
  const generateStaticParams =
    generator === 'generateSitemaps'
      ? async () => {
          const sitemaps = (await generate()) as Iterable<{ id?: unknown } | null | undefined>;
          const params = [];
          for (const item of sitemaps) {
            if (item?.id == null) throw new Error('id property is required for every item returned from generateSitemaps');
            params.push({ __metadata_id__: String(item.id) + '.xml' });
          }
          return params;
        }
      : async ({ params }: { params: Record<string, unknown> }) => {
          const imageMetadata = (await generate({ params })) as Iterable<{ id?: unknown } | null | undefined>;
          const staticParams = [];
          for (const item of imageMetadata) {
            if (item?.id == null) throw new Error('id property is required for every item returned from generateImageMetadata');
            staticParams.push({ __metadata_id__: String(item.id) });
          }
          return staticParams;
        };
  return { ...exports, generateStaticParams };
}

/** build/utils.ts `reduceAppConfig` + export/routes/app-route.ts: why a code metadata route without params is not prerendered. */
export function metadataStaticBailout(pattern: string, segments: readonly CascadeSegment[], cacheComponents: boolean): string | undefined {
  const dynamic = reduceConfig(segments, 'dynamic');
  const revalidate = reduceConfig(segments, 'revalidate');
  if (dynamic === 'force-dynamic' || revalidate === 0) return "it exports dynamic = 'force-dynamic' or revalidate = 0";
  // Export treats it as a plain route handler when its URL is not recognised as a metadata route: a group
  // or slot hash shorter than six characters fails the `-\w{6}` of isMetadataRouteFile.
  if (cacheComponents || isMetadataRoute(`${pattern}/route`) || isStaticGenEnabled(segments)) return undefined;
  return "its group or slot suffix is shorter than six characters, so next build takes it for a plain route handler, which is dynamic unless it exports dynamic = 'force-static'";
}

/** server/route-modules/app-route/helpers/is-static-gen-enabled.ts, on the generated route module. */
function isStaticGenEnabled(segments: readonly CascadeSegment[]): boolean {
  const module = segments.at(-1);
  const dynamic = module?.config?.dynamic;
  const revalidate = module?.config?.revalidate;
  return (
    dynamic === 'force-static' ||
    dynamic === 'error' ||
    revalidate === false ||
    (typeof revalidate === 'number' && revalidate > 0) ||
    typeof module?.generateStaticParams === 'function'
  );
}

/**
 * What the app router's front-end does after the shared route building for a code metadata route: the
 * `output: 'export'` checks of the generated route module, the build-time call of the default export, and
 * naming the generator the user wrote.
 */
export async function finishMetadataRoute(
  built: { route: Route; diagnostics: Diagnostic[]; segments?: CascadeSegment[] },
  info: MetadataRouteInfo,
  loaded: Loaded | undefined,
  session: ModuleSession,
  isStaticExport: boolean,
  metadataArgs: NextRules['metadataArgs'],
): Promise<void> {
  const { route, diagnostics, segments } = built;
  if (segments && loaded?.ok) {
    const exportError = isStaticExport ? staticExportError(route, segments) : undefined;
    if (exportError) {
      route.entries = [];
      diagnostics.push(exportError);
    } else {
      diagnostics.push(...(await probeMetadataRoute(route, info, loaded.module, segments, session, isStaticExport, metadataArgs)));
    }
  }
  nameMetadataGenerator(route, info, diagnostics);
}

/** app-route/module.ts `_onUserlandLoaded`: with output: 'export', a GET handler must be static, as Next says. */
function staticExportError(route: Route, segments: readonly CascadeSegment[]): Diagnostic | undefined {
  const see = 'See more info here: https://nextjs.org/docs/advanced-features/static-html-export';
  let message: string | undefined;
  if (segments.at(-1)?.config?.dynamic === 'force-dynamic') {
    message = `export const dynamic = "force-dynamic" on page "${route.pattern}" cannot be used with "output: export". ${see}`;
  } else if (!isStaticGenEnabled(segments)) {
    message = `export const dynamic = "force-static"/export const revalidate not configured on route "${route.pattern}" with "output: export". ${see}`;
  }
  return message ? { severity: 'error', code: 'APP_EXPORT_ROUTE_HANDLER', file: route.file, message } : undefined;
}

/**
 * What Next's generated GET does at build time for the route's first URL: calls the file's default export
 * (and `generateImageMetadata` again for an image with ids). A request-time API reached on the way makes
 * the route dynamic, or fails the build under `dynamic = 'error'`, which `output: 'export'` imposes on every
 * route handler (app-route/module.ts `_onUserlandLoaded`); a missing default export fails the build.
 */
async function probeMetadataRoute(
  route: Route,
  info: MetadataRouteInfo,
  exports: Record<string, unknown>,
  segments: readonly CascadeSegment[],
  session: ModuleSession,
  isStaticExport: boolean,
  metadataArgs: NextRules['metadataArgs'],
): Promise<Diagnostic[]> {
  const handler = exports.default;
  const stem = route.file.slice(route.file.lastIndexOf('/') + 1);
  if (typeof handler !== 'function') {
    route.entries = [];
    return [{ severity: 'error', code: 'APP_METADATA_NO_DEFAULT', file: route.file, message: `Default export is missing in ${JSON.stringify(`./${stem}`)}` }];
  }
  const dynamic = isStaticExport ? 'error' : reduceConfig(segments, 'dynamic');
  const first = route.entries[0];
  if (!first || dynamic === 'force-static') return [];
  const { __metadata_id__: _id, ...params } = first.params as Record<string, unknown>;
  const call = async (): Promise<unknown> => {
    if (info.type === 'robots' || info.type === 'manifest') return handler();
    const generator = exports[info.type === 'sitemap' ? 'generateSitemaps' : 'generateImageMetadata'] as (arg?: unknown) => unknown;
    const items = async () => (await (info.type === 'sitemap' ? generator() : generator({ params }))) as Iterable<{ id?: unknown } | null | undefined>;
    return handler(...(await metadataRouteArgs(info.type === 'sitemap' ? 'sitemap' : 'image', info.multi, first.params as Record<string, unknown>, metadataArgs, items)));
  };
  const result = await probeCall(first.url, first.params, session.guarded({ file: route.file, function: 'default', route: route.pattern }, call));
  if (result.api) {
    route.entries = [];
    if (dynamic === 'error') {
      return [{
        severity: 'error',
        code: 'APP_DYNAMIC_ERROR',
        file: route.file,
        // The StaticGenBailoutError of server/request/headers.ts (cookies.ts, connection.ts), word for word;
        // checked with a real export build.
        message: `Route ${route.pattern} with \`dynamic = "error"\` couldn't be rendered statically because it used \`${result.api}\`. See more info here: https://nextjs.org/docs/app/building-your-application/rendering/static-and-dynamic#dynamic-rendering`,
      }];
    }
    route.unmatched = 'blocking';
    return [fullyDynamic(route, `its default export calls ${result.api}, a request-time API, for ${first.url}`)];
  }
  if (result.error !== undefined) {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    const fault = faultCode(result.error);
    if (fault) return [{ severity: 'error', code: fault, file: route.file, function: 'default', message }];
    return [{
      severity: 'warning',
      code: 'APP_METADATA_RENDER',
      file: route.file,
      function: 'default',
      message: `Calling the default export of ${route.file} for ${first.url}, as next build does, threw: ${message}. next build stops on an error thrown there.`,
    }];
  }
  const status = (result.value as { status?: unknown } | null | undefined)?.status;
  // export/routes/app-route.ts: a response other than 2xx/3xx or 404 is not written at build time.
  if (typeof status === 'number' && status >= 400 && status !== 404) {
    route.entries = route.entries.slice(1);
    return [{
      severity: 'info',
      code: 'APP_METADATA_NOT_PRERENDERED',
      file: route.file,
      message: `${first.url} answers with status ${status} at build time, so Next.js prerenders no file for it and renders it on request.`,
    }];
  }
  return [];
}

/**
 * The ids of a multi route come from `generateSitemaps` / `generateImageMetadata` through the generated
 * `generateStaticParams`: diagnostics and providers name the function the user wrote. Under a dynamic
 * segment, the generator gets no params at build time (a route handler inherits no generateStaticParams
 * from layouts or pages, and its own is replaced), so no URL is prerendered: that is said plainly.
 */
function nameMetadataGenerator(route: Route, info: MetadataRouteInfo, diagnostics: Diagnostic[]): void {
  const generator = generatorOf(info);
  if (!generator) {
    for (const d of diagnostics) {
      if (d.code === 'APP_FULLY_DYNAMIC' && d.file === route.file && /no generateStaticParams\b/.test(d.message)) {
        d.message += ' A metadata file inherits no generateStaticParams from the layouts or page of its folder: it needs its own.';
      }
    }
    return;
  }
  for (const provider of route.providers) if (provider.file === route.file && provider.function === 'generateStaticParams') provider.function = generator;
  const parent = parentPattern(route.pattern.replace(/\/\[__metadata_id__\]$/, ''));
  for (const d of diagnostics) {
    if (d.file !== route.file || d.function !== 'generateStaticParams') continue;
    d.function = generator;
    if (d.code === 'GSP_APP_INCOMPLETE') {
      d.message =
        `${generator} in ${route.file} gets no params at build time: a metadata route inherits no generateStaticParams from the layouts or page of ${parent}, ` +
        `so Next.js prerenders no URL of ${route.pattern} and renders each on first request; a static build gets none of them.`;
    } else if (d.code === 'GSP_APP_THREW' || d.code === 'GSP_APP_EMPTY_RESULT') {
      d.message = d.message.replace(/^generateStaticParams/, generator);
    }
  }
}

function fullyDynamic(route: Route, why: string): Diagnostic {
  return {
    severity: 'info',
    code: 'APP_FULLY_DYNAMIC',
    file: route.file,
    message: `${route.pattern} is rendered on every request (${why}): Next.js prerenders no URL of it, so a static build gets no file for it.`,
  };
}

/** `/posts/[id]/icon.png` → `/posts/[id]`: the route a metadata file belongs to. */
function parentPattern(pattern: string): string {
  return pattern.slice(0, pattern.lastIndexOf('/')) || '/';
}
