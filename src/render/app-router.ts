import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { CallGuard } from '../load/call-guard.js';
import { HTTP_ERROR_FALLBACK_ERROR_CODE, REDIRECT_ERROR_CODE } from '../load/next-stand-ins/control-flow.js';
import { runInRenderContext, type RenderContext } from '../load/next-stand-ins/render-context.js';
import { ComponentError, jsonForScript, redirectHtml, renderToHtml } from './html.js';
import { importBundle } from './import-bundle.js';
import { metadataTags, resolveMetadata, viewportContent, type MetadataInput } from './app/metadata.js';
import { metadataRouteArgs } from '../sources/next-metadata-args.js';
import type { AppManifest, AppSegment, RenderJob, RenderManifest, RenderOutcome } from './types.js';
import { paramsProp } from '../project/next-version.js';

/**
 * Renders one URL of the app router with React's own server/client split, as `next build` does:
 *
 * 1. the server tree (layouts, templates, loading boundaries, the page, metadata and stylesheet links) is
 *    rendered to a React Server Components payload by react-server-dom-webpack's server, in the `rsc`
 *    bundle where React is its `react-server` build: server components run here only, may be async at any
 *    depth, and `"use client"` modules are client references;
 * 2. that payload is read back by react-server-dom-webpack's client in the `ssr` bundle (ordinary React),
 *    whose client references load the client modules' server builds (`__next_require__`), and React DOM
 *    renders it to HTML once everything has resolved;
 * 3. the payload is inlined in the page (`self.__zfb_f`), and the browser bootstrap hydrates the document
 *    from it, loading each client component's chunk.
 *
 * Both halves live in this one process with separate module instances (two esbuild bundles, each with its
 * own React), the arrangement `@vitejs/plugin-rsc` uses, rather than Next's two workers.
 */

interface RscRuntime {
  React: { createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown; Fragment: unknown; Suspense: unknown };
  renderToPipeableStream(model: unknown, manifest: unknown, options: { onError(error: unknown): string | void }): { pipe(destination: NodeJS.WritableStream): void };
}

interface SsrRuntime {
  React: { createElement(type: unknown, props?: Record<string, unknown> | null): unknown; use<T>(value: Promise<T>): T };
  renderToPipeableStream: Parameters<typeof renderToHtml>[0]['renderToPipeableStream'];
  createFromNodeStream(stream: NodeJS.ReadableStream, manifest: unknown): Promise<unknown>;
}

type Module = Record<string, unknown>;

class ControlFlow extends Error {
  constructor(readonly digest: string) {
    super(digest);
  }
}

export class AppRenderer {
  private readonly modules = new Map<string, Promise<Module>>();
  private readonly store = new AsyncLocalStorage<RenderContext>();
  private runtimes?: Promise<{ rsc: RscRuntime; ssr: SsrRuntime }>;
  private readonly clientManifest: Record<string, { id: string; chunks: string[]; name: string }> = {};
  private readonly ssrManifest: { moduleMap: Record<string, Record<string, { id: string; chunks: string[]; name: string }>>; serverModuleMap: null; moduleLoading: null };

  constructor(
    private readonly manifest: RenderManifest,
    private readonly app: AppManifest,
    private readonly guard: CallGuard,
  ) {
    const moduleMap: Record<string, Record<string, { id: string; chunks: string[]; name: string }>> = {};
    for (const [file, url] of Object.entries(app.clientModules)) {
      // The reference's id is the browser chunk's URL; the server render maps it back to the module.
      this.clientManifest[file] = { id: url, chunks: [url, url], name: '' };
      moduleMap[url] = { '*': { id: file, chunks: [], name: '' } };
    }
    this.ssrManifest = { moduleMap, serverModuleMap: null, moduleLoading: null };
  }

  /** Loads the root layout and the runtimes (a broken root layout stops the build before any page). */
  async check(): Promise<void> {
    await this.loadRuntimes();
    const root = this.app.trees['']?.[0]?.layout;
    if (root) await this.load(root);
  }

  async render(job: RenderJob): Promise<RenderOutcome> {
    const { rsc, ssr } = await this.loadRuntimes();
    const { route, entry } = job;
    const url = entry.url;
    const params = (entry.params ?? {}) as Record<string, string | string[]>;
    const context: RenderContext = { router: 'app', pathname: url, route: route.pattern, asPath: url, query: {}, params, basePath: this.manifest.site.basePath, trailingSlash: this.manifest.site.trailingSlash, isFallback: false };
    return runInRenderContext(this.store, context, async () => {
      if (route.kind === 'route-handler') return this.routeHandler(job, params);
      const tree = job.shell === 'not-found' ? this.app.trees[''] ?? [] : this.app.trees[route.file];
      if (!tree) throw new Error(`no segment tree for ${route.file}`);
      let payload: Buffer;
      try {
        payload = await this.flight(rsc, await this.serverTree(rsc, tree, job.shell === 'not-found' ? undefined : route.file, params, url, job.shell === 'not-found'));
      } catch (error) {
        const digest = error instanceof ControlFlow ? error.digest : undefined;
        if (digest?.startsWith(`${HTTP_ERROR_FALLBACK_ERROR_CODE};404`)) return { kind: 'not-found' };
        if (digest?.startsWith(`${REDIRECT_ERROR_CODE};`)) {
          const [, , location = '/', status = '307'] = digest.split(';');
          const target = location.startsWith('/') ? `${this.manifest.site.basePath}${location}` : location;
          return { kind: 'redirect', location: target, status: Number(status), html: redirectHtml(target) };
        }
        throw error;
      }
      const root = ssr.createFromNodeStream(Readable.from([payload]), this.ssrManifest);
      const Root = () => ssr.React.use(root);
      const html = await renderToHtml(ssr, ssr.React.createElement(Root), {
        bootstrapScriptContent: `self.__zfb_f=${jsonForScript(payload.toString('utf8'))}`,
        bootstrapModules: [this.app.bootstrap],
      });
      return { kind: 'html', html };
    });
  }

  /** A route handler (`route.ts`) called with GET, as `next build` calls a static one; its body is the file. */
  private async routeHandler(job: RenderJob, params: Record<string, string | string[]>): Promise<RenderOutcome> {
    const metadata = metadataFileOf(job.route.file);
    if (metadata && !metadata.code) {
      // build/webpack/loaders/next-metadata-route-loader.ts getStaticAssetRouteCode: the file's bytes.
      return { kind: 'body', body: new Uint8Array(readFileSync(path.join(this.manifest.root, job.route.file))) };
    }
    const module = await this.load(job.route.file);
    if (metadata && typeof module.GET !== 'function') return this.metadataRoute(job, module, metadata.name);
    const GET = module.GET as ((request: Request, context: { params: unknown }) => unknown) | undefined;
    if (typeof GET !== 'function') {
      return { kind: 'failed', failure: { code: 'RENDER_ROUTE_HANDLER', url: job.entry.url, file: job.route.file, message: 'the route handler exports no GET function' } };
    }
    const request = new Request(new URL(job.entry.url, 'http://localhost').href);
    const response = (await this.guard.run({ file: job.route.file, function: 'GET', route: job.entry.url }, () => GET(request, { params: paramsProp(params, this.manifest.site.paramsAs) }))) as Response;
    if (!(response instanceof Response)) {
      return { kind: 'failed', failure: { code: 'RENDER_ROUTE_HANDLER', url: job.entry.url, file: job.route.file, function: 'GET', message: 'GET did not return a Response' } };
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type');
    return contentType ? { kind: 'body', body, contentType } : { kind: 'body', body };
  }

  /**
   * A metadata route written as code (`sitemap.ts`, `robots.ts`, `manifest.ts`): Next's generated handler
   * (next-metadata-route-loader.ts getSingleSitemapRouteCode and its kin) calls the default export and
   * serialises its result with the project's own Next.js `resolveRouteData`, which this calls too.
   */
  private async metadataRoute(job: RenderJob, module: Module, name: string): Promise<RenderOutcome> {
    const fail = (message: string): RenderOutcome => ({ kind: 'failed', failure: { code: 'RENDER_ROUTE_HANDLER', url: job.entry.url, file: job.route.file, message } });
    if (!['robots', 'sitemap', 'manifest'].includes(name)) return fail(`${name} images generated by code (ImageResponse) are not rendered by zfb-next build yet`);
    const handler = module.default;
    if (typeof handler !== 'function') return fail(`Default export is missing in ${JSON.stringify(path.join(this.manifest.root, job.route.file))}`);
    // A sitemap split with generateSitemaps gets its id as the installed line hands it over.
    const generateSitemaps = module.generateSitemaps as (() => unknown) | undefined;
    const items = async () => (await this.guard.run({ file: job.route.file, function: 'generateSitemaps', route: job.entry.url }, () => generateSitemaps!())) as Iterable<{ id?: unknown }>;
    const args = await metadataRouteArgs('sitemap', typeof generateSitemaps === 'function', job.entry.params as Record<string, unknown>, this.manifest.site.metadataArgs, items);
    const data = await this.guard.run({ file: job.route.file, function: 'default', route: job.entry.url }, () => (handler as (...a: unknown[]) => unknown)(...args));
    const require = createRequire(path.join(this.manifest.root, 'package.json'));
    const { resolveRouteData } = require('next/dist/build/webpack/loaders/metadata/resolve-route-data') as { resolveRouteData(data: unknown, type: string): string };
    const contentType = name === 'sitemap' ? 'application/xml' : name === 'robots' ? 'text/plain' : 'application/manifest+json';
    return { kind: 'body', body: new TextEncoder().encode(resolveRouteData(data, name)), contentType };
  }

  /** The element tree of the server components, outermost layout first. */
  private async serverTree(rsc: RscRuntime, tree: AppSegment[], pageFile: string | undefined, params: Record<string, string | string[]>, url: string, notFound: boolean): Promise<unknown> {
    const { createElement, Fragment, Suspense } = rsc.React;
    // Each segment sees the params of its own folders and those above, in the shape of the project's Next.js.
    const shape = this.manifest.site.paramsAs;
    const paramsFor = (depth: number): unknown => {
      const own: Record<string, string | string[]> = {};
      for (const key of tree.slice(0, depth + 1).flatMap((s) => s.params)) if (key in params) own[key] = params[key]!;
      return paramsProp(own, shape);
    };
    const allParams = paramsProp(params, shape);
    const searchParams = paramsProp({}, shape);
    const modules = await Promise.all(tree.map(async (segment) => ({
      layout: segment.layout ? await this.load(segment.layout) : undefined,
      template: segment.template ? await this.load(segment.template) : undefined,
      loading: segment.loading ? await this.load(segment.loading) : undefined,
    })));
    const page = pageFile ? await this.load(pageFile) : undefined;
    // The nearest not-found boundary (the root's, else Next's default) renders where the page would.
    const notFoundFile = [...tree].reverse().find((s) => s.notFound)?.notFound;
    const notFoundModule = notFound && notFoundFile ? await this.load(notFoundFile) : undefined;

    const metadataSources: { module: Module | undefined; file: string; isPage: boolean; depth: number }[] = tree.map((segment, depth) => ({ module: modules[depth]!.layout, file: segment.layout ?? '', isPage: false, depth }));
    metadataSources.push({ module: page ?? notFoundModule, file: pageFile ?? notFoundFile ?? '', isPage: true, depth: tree.length - 1 });
    const resolved = await resolveMetadata(metadataSources.length, async (i, parent) => {
      const { module, file, isPage, depth } = metadataSources[i]!;
      if (!module) return null;
      if (typeof module.generateMetadata === 'function') {
        const generate = module.generateMetadata as (props: object, parent: Promise<unknown>) => unknown;
        const props = isPage ? { params: allParams, searchParams } : { params: paramsFor(depth) };
        return (await this.guard.run({ file, function: 'generateMetadata', route: url }, () => generate(props, parent))) as MetadataInput;
      }
      return (module.metadata as MetadataInput | undefined) ?? null;
    });
    const viewportModule = [page, ...modules.map((m) => m.layout).reverse()].find((m) => m?.viewport);
    const tags = metadataTags(resolved, viewportContent(viewportModule?.viewport as Record<string, unknown> | undefined));
    if (notFound) tags.splice(2, 0, ['meta', { name: 'robots', content: 'noindex' }]);
    const head = tags.map(([tag, attributes, text], i) => createElement(tag, { key: `m${i}`, ...attributes }, text));
    const styles = (notFound ? this.app.notFoundStyles : (this.app.styles[pageFile ?? ''] ?? [])).map((href) =>
      createElement('link', { key: href, rel: 'stylesheet', href, precedence: 'next' }),
    );

    let node: unknown;
    if (notFound) {
      const NotFound = notFoundModule?.default as unknown;
      node = NotFound ? createElement(NotFound) : defaultNotFound(createElement);
    } else {
      node = createElement(page!.default as unknown, { params: allParams, searchParams });
    }
    node = createElement(Fragment, null, ...styles, ...head, node);
    for (let depth = tree.length - 1; depth >= 0; depth--) {
      const { layout, template, loading } = modules[depth]!;
      if (loading?.default) node = createElement(Suspense, { fallback: createElement(loading.default as unknown) }, node);
      if (template?.default) node = createElement(template.default as unknown, null, node);
      if (layout?.default) node = createElement(layout.default as unknown, { params: paramsFor(depth) }, node);
    }
    return node;
  }

  /** The server tree as a React Server Components payload; the first error (or notFound/redirect) fails it. */
  private flight(rsc: RscRuntime, tree: unknown): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      let failure: unknown;
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on('data', (chunk: Buffer) => chunks.push(chunk));
      sink.on('end', () => (failure ? reject(failure) : resolve(Buffer.concat(chunks))));
      const stream = rsc.renderToPipeableStream(tree, this.clientManifest, {
        onError(error) {
          const digest = (error as { digest?: unknown } | null)?.digest;
          if (!failure) failure = typeof digest === 'string' && (digest.startsWith(REDIRECT_ERROR_CODE) || digest.startsWith(HTTP_ERROR_FALLBACK_ERROR_CODE)) ? new ControlFlow(digest) : new ComponentError(error, undefined);
          return typeof digest === 'string' ? digest : undefined;
        },
      });
      stream.pipe(sink);
    });
  }

  private loadRuntimes(): Promise<{ rsc: RscRuntime; ssr: SsrRuntime }> {
    this.runtimes ??= (async () => {
      const ssrModules = new Map<string, Module>();
      const globals = globalThis as Record<string, unknown>;
      globals.__next_require__ = (id: string) => ssrModules.get(id);
      globals.__webpack_chunk_load__ = () => Promise.resolve();
      const rsc = (await import(pathToFileURL(this.app.rscRuntime).href)) as RscRuntime;
      const ssr = (await import(pathToFileURL(this.app.ssrRuntime).href)) as SsrRuntime;
      for (const [file, bundle] of Object.entries(this.app.ssrModules)) {
        ssrModules.set(file, await importBundle(this.guard, this.relative(file), bundle, 'a client module, rendered on the server'));
      }
      return { rsc, ssr };
    })();
    return this.runtimes;
  }

  private relative(file: string): string {
    return file.startsWith(this.manifest.root) ? file.slice(this.manifest.root.length + 1).split('\\').join('/') : file;
  }

  private load(file: string): Promise<Module> {
    let module = this.modules.get(file);
    if (!module) {
      const bundle = this.app.rsc[file];
      if (!bundle) throw new Error(`no server bundle for ${file}`);
      module = importBundle(this.guard, this.relative(file), bundle);
      this.modules.set(file, module);
    }
    return module;
  }
}

// The metadata file names of next@16.4.6 (lib/metadata/is-metadata-route.ts STATIC_METADATA_IMAGES and
// the text routes), at the end of an app/ path.
const METADATA_FILE = /(?:^|\/)(robots|sitemap|manifest|favicon|icon\d*|apple-icon\d*|opengraph-image\d*|twitter-image\d*)\.(\w+)$/;

/** Whether a route file is a metadata file, its base name, and whether it is code (`sitemap.ts`). */
function metadataFileOf(file: string): { name: string; code: boolean } | undefined {
  const match = METADATA_FILE.exec(file);
  if (!match) return undefined;
  return { name: match[1]!.replace(/\d+$/, ''), code: /^[cm]?[jt]sx?$/.test(match[2]!) };
}

/** Next's default not-found UI (client/components/http-access-fallback/error-fallback.tsx), its text. */
function defaultNotFound(createElement: RscRuntime['React']['createElement']): unknown {
  return createElement(
    'div',
    null,
    createElement('title', null, '404: This page could not be found.'),
    createElement('div', null, createElement('h1', { className: 'next-error-h1' }, '404'), createElement('div', null, createElement('h2', null, 'This page could not be found.'))),
  );
}
