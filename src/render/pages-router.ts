import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CallGuard } from '../load/call-guard.js';
import { runInRenderContext, type RenderContext } from '../load/next-stand-ins/render-context.js';
import { ComponentError, jsonForScript, renderToHtml } from './html.js';
import { importBundle } from './import-bundle.js';
import { serializationProblem } from './props-check.js';
import { judgeStaticProps, staticPropsContexts, type StaticPropsVerdict } from '../sources/next-pages-static-props.js';
import type { PagesManifest, RenderJob, RenderManifest, RenderOutcome } from './types.js';

/**
 * Renders one URL of the pages router the way `next build` prerenders it (server/render.tsx
 * `renderToHTMLImpl`): getStaticProps for the entry's params and locale, `_app` around the page, the page's
 * `next/head` tags, then `_document` (its getInitialProps with `renderPage`, then `Html`, `Head`, `Main`,
 * `NextScript`). React and react-dom are the project's own. The page hydrates in the browser from the
 * `__NEXT_DATA__` script with the same props; its bundle is the page's own (render/client-bundles.ts).
 */

type Component = ((props: Record<string, unknown>) => unknown) & {
  getInitialProps?: (ctx: unknown) => unknown;
};

interface ReactApi {
  createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
  isValidElement(value: unknown): boolean;
}

interface ReactDomServer {
  renderToPipeableStream: Parameters<typeof renderToHtml>[0]['renderToPipeableStream'];
  renderToStaticMarkup(element: unknown): string;
}

// Next's head defaults (shared/lib/head.tsx `defaultHead`).
const DEFAULT_HEAD_KEYS = ['charset', 'viewport'];

export class PagesRenderer {
  private readonly modules = new Map<string, Promise<Record<string, unknown>>>();
  private readonly store = new AsyncLocalStorage<RenderContext>();
  private readonly contexts = new Map<string, ReturnType<typeof staticPropsContexts>>();
  private readonly react: ReactApi;
  private readonly server: ReactDomServer;

  constructor(
    private readonly manifest: RenderManifest,
    private readonly pages: PagesManifest,
    private readonly guard: CallGuard,
  ) {
    const require = createRequire(path.join(manifest.root, 'package.json'));
    this.react = require('react') as ReactApi;
    this.server = require('react-dom/server') as ReactDomServer;
  }

  /** Loads `_app` and `_document` (a broken one stops the build before any page is written). */
  async check(): Promise<void> {
    if (this.pages.app) await this.load(this.pages.app);
    if (this.pages.document) await this.load(this.pages.document);
  }

  async render(job: RenderJob): Promise<RenderOutcome> {
    const { route, entry } = job;
    const site = this.manifest.site;
    const url = entry.url;
    // The site's 404 page: pages/404 when the project has one, else Next's default error page.
    const defaultNotFound = job.shell === 'not-found' && !route.file;
    const module = defaultNotFound ? undefined : await this.load(route.file);
    const Page = (module?.default as Component | undefined) ?? (await this.defaultError());
    const params = (entry.params ?? {}) as Record<string, string | string[]>;
    const dynamic = route.pattern.includes('[');
    const isFallback = job.shell === 'fallback';

    let pageProps: Record<string, unknown> = {};
    let gsp = false;
    if (defaultNotFound) {
      pageProps = { statusCode: 404 };
    } else if (route.origin === 'zfb') {
      // zfb spreads an entry's props into the page, beside its params (zfb-engine.md §3).
      pageProps = { ...((entry.props as Record<string, unknown> | undefined) ?? {}), params };
    } else if (!isFallback && typeof module?.getStaticProps === 'function') {
      gsp = true;
      const getStaticProps = module.getStaticProps as (ctx: object) => unknown;
      const { context, updatedPath } = this.staticPropsContext(route.pattern)(entry);
      const result = await this.guard.run({ file: route.file, function: 'getStaticProps', route: url }, () => getStaticProps(context));
      const outcome = staticPropsOutcome(judgeStaticProps(result, route.pattern, updatedPath), route, url);
      if (outcome.kind !== 'props') return outcome.outcome;
      pageProps = outcome.props;
    }

    // The router sees the URL without its locale prefix, whichever the locale (asPath `/posts/1` in fr).
    const pathname = entry.locale && site.i18n ? url.slice(entry.locale.length + 1) || '/' : url;
    const asPath = isFallback ? route.pattern : site.trailingSlash && pathname !== '/' ? `${pathname}/` : pathname;
    const query = isFallback || !dynamic ? {} : params;
    const headTags: { key: string | undefined; element: unknown }[] = [];
    const context: RenderContext = {
      router: 'pages',
      pathname,
      route: defaultNotFound ? '/_error' : route.pattern,
      asPath,
      query,
      params,
      ...(entry.locale ? { locale: entry.locale, lang: entry.locale } : {}),
      ...(site.i18n ? { locales: site.i18n.locales, defaultLocale: site.i18n.defaultLocale } : {}),
      basePath: site.basePath,
      trailingSlash: site.trailingSlash,
      isFallback,
      head: { add: (key, element) => void headTags.push({ key, element }) },
    };

    return runInRenderContext(this.store, context, async () => {
      const App = await this.app();
      let appProps: Record<string, unknown> = {};
      if (typeof App.getInitialProps === 'function' && App.getInitialProps !== defaultAppGetInitialProps) {
        const ctx = { pathname: context.route, query, asPath, locale: entry.locale, locales: site.i18n?.locales, defaultLocale: site.i18n?.defaultLocale, AppTree: App };
        const initial = (await this.guard.run({ file: this.pages.app ?? 'pages/_app', function: 'getInitialProps', route: url }, () => App.getInitialProps!({ Component: Page, router: {}, ctx }))) as Record<string, unknown> | undefined;
        appProps = { ...(initial ?? {}) };
        pageProps = { ...((initial?.pageProps as Record<string, unknown> | undefined) ?? {}), ...pageProps };
      }
      const renderApp = async (enhance: { enhanceApp?: (app: unknown) => unknown; enhanceComponent?: (c: unknown) => unknown } = {}) => {
        const AppComponent = (enhance.enhanceApp ? enhance.enhanceApp(App) : App) as Component;
        const PageComponent = enhance.enhanceComponent ? enhance.enhanceComponent(Page) : Page;
        const html = await renderToHtml(this.server, this.react.createElement(AppComponent, { ...appProps, Component: PageComponent, pageProps }));
        return { html, head: headElements(this.react, headTags) };
      };

      let rendered: { html: string; head: unknown[] } | undefined;
      const Document = await this.document();
      const nextData: Record<string, unknown> = {
        props: { ...appProps, pageProps, ...(gsp ? { __N_SSG: true } : {}) },
        page: context.route,
        query,
        buildId: site.buildId,
        ...(isFallback ? { isFallback: true } : { isFallback: false }),
        ...(gsp ? { gsp: true } : {}),
        ...(entry.locale ? { locale: entry.locale } : {}),
        ...(site.i18n ? { locales: site.i18n.locales, defaultLocale: site.i18n.defaultLocale } : {}),
        // Not in Next's own __NEXT_DATA__ (its router reads the address bar); the hydrating router reads it
        // here so that it starts from exactly what the server rendered.
        zfb: { asPath, pathname, basePath: site.basePath, trailingSlash: site.trailingSlash },
      };
      const ctx = {
        pathname: context.route,
        query,
        asPath,
        locale: entry.locale,
        locales: site.i18n?.locales,
        defaultLocale: site.i18n?.defaultLocale,
        renderPage: async (options?: unknown) => {
          const enhance = typeof options === 'function' ? { enhanceComponent: options as (c: unknown) => unknown } : ((options ?? {}) as Parameters<typeof renderApp>[0]);
          rendered = await renderApp(enhance);
          return rendered;
        },
        defaultGetInitialProps: async (docCtx: { renderPage: () => Promise<{ html: string; head: unknown[] }> }) => {
          const page = await docCtx.renderPage();
          return { ...page, styles: [] };
        },
      };
      const getInitialProps = (Document as Component).getInitialProps;
      const initialProps = (typeof getInitialProps === 'function'
        ? await this.guard.run({ file: this.pages.document ?? 'pages/_document', function: 'getInitialProps', route: url }, () => getInitialProps.call(Document, ctx))
        : await ctx.defaultGetInitialProps(ctx)) as { html?: string; head?: unknown[]; styles?: unknown } | undefined;
      rendered ??= await renderApp();
      const assets = defaultNotFound ? this.pages.notFoundClient : (this.pages.client[route.file] ?? { scripts: [], styles: [] });
      context.document = {
        main: initialProps?.html ?? rendered.html,
        head: [...(initialProps?.head ?? rendered.head)],
        styles: [
          ...assets.styles.map((href) => this.react.createElement('link', { key: href, rel: 'stylesheet', href })),
          ...(Array.isArray(initialProps?.styles) ? initialProps.styles : initialProps?.styles ? [initialProps.styles] : []),
        ],
        scripts: [
          this.react.createElement('script', { key: '__NEXT_DATA__', id: '__NEXT_DATA__', type: 'application/json', dangerouslySetInnerHTML: { __html: jsonForScript(nextData) } }),
          ...assets.scripts.map((src) => this.react.createElement('script', { key: src, type: 'module', src })),
        ],
      };
      const documentHtml = this.server.renderToStaticMarkup(this.react.createElement(Document, { ...(initialProps ?? {}), __NEXT_DATA__: nextData }));
      return { kind: 'html', html: `<!DOCTYPE html>${documentHtml}` } as RenderOutcome;
    });
  }

  private async app(): Promise<Component> {
    if (!this.pages.app) return (await this.standIn('app')).default as Component;
    return (await this.load(this.pages.app)).default as Component;
  }

  private async document(): Promise<Component> {
    if (!this.pages.document) return (await this.standIn('document')).default as Component;
    return (await this.load(this.pages.document)).default as Component;
  }

  private async defaultError(): Promise<Component> {
    return (await this.standIn('error')).default as Component;
  }

  private standIn(name: 'app' | 'document' | 'error'): Promise<Record<string, unknown>> {
    const bundle = this.pages.server[`next/${name}`];
    if (!bundle) throw new Error(`the server bundle of next/${name} is missing`);
    return this.importBundle(`next/${name}`, bundle);
  }

  /** getStaticProps' context for the page's URLs, as `next build` makes it (a route matcher per page). */
  private staticPropsContext(page: string): ReturnType<typeof staticPropsContexts> {
    let contexts = this.contexts.get(page);
    if (!contexts) {
      contexts = staticPropsContexts(page, this.manifest.site.i18n);
      this.contexts.set(page, contexts);
    }
    return contexts;
  }

  load(file: string): Promise<Record<string, unknown>> {
    const bundle = this.pages.server[file];
    if (!bundle) throw new Error(`no server bundle for ${file}`);
    return this.importBundle(file, bundle);
  }

  private importBundle(file: string, bundle: string): Promise<Record<string, unknown>> {
    let module = this.modules.get(file);
    if (!module) {
      module = importBundle(this.guard, file, bundle);
      this.modules.set(file, module);
    }
    return module;
  }
}

// The stand-in's default App.getInitialProps only forwards the page's own: no reason to call it.
const defaultAppGetInitialProps = undefined;

type StaticPropsResult = { kind: 'props'; props: Record<string, unknown> } | { kind: 'outcome'; outcome: RenderOutcome };

/**
 * What the page does with getStaticProps' answer, judged as the route model judges it (one function,
 * sources/next-pages-static-props.ts): a page, no page (notFound), or a failed build; then the props
 * checked for JSON as next@16.4.6 checks them (lib/is-serializable-props.ts).
 */
function staticPropsOutcome(verdict: StaticPropsVerdict, route: { file: string; pattern: string }, url: string): StaticPropsResult {
  const fail = (code: string, message: string): StaticPropsResult => ({ kind: 'outcome', outcome: { kind: 'failed', failure: { code, url, file: route.file, function: 'getStaticProps', message } } });
  if (verdict.kind === 'error') return fail(verdict.code, verdict.message);
  if (verdict.kind === 'not-found') return { kind: 'outcome', outcome: { kind: 'not-found' } };
  const props = (verdict.props ?? {}) as Record<string, unknown>;
  const problem = serializationProblem(props, route.pattern);
  if (problem) return fail('GSP_PROPS_INVALID', problem);
  return { kind: 'props', props };
}

/** The URL the page answers, as its router sees it: locale prefix of the default locale removed. */
export function pagePath(url: string, locale: string | undefined, site: { i18n?: { defaultLocale: string } }): string {
  if (!locale || !site.i18n || locale !== site.i18n.defaultLocale) return url;
  const rest = url.slice(locale.length + 1);
  return rest === '' ? '/' : rest;
}

/**
 * `next/head` tags of the whole tree, reduced as Next reduces them (shared/lib/head.tsx `unique`): Next's
 * defaults first (`<meta charSet>`, the viewport), then the tags in render order, and for each key, each
 * `<title>`, `<base>`, `<meta charSet>` and each meta `name`/`property`/`httpEquiv`/`itemProp` the last one wins.
 */
export function headElements(react: ReactApi, tags: readonly { key: string | undefined; element: unknown }[]): unknown[] {
  const all: { key: string | undefined; element: unknown }[] = [
    { key: DEFAULT_HEAD_KEYS[0], element: react.createElement('meta', { charSet: 'utf-8' }) },
    { key: DEFAULT_HEAD_KEYS[1], element: react.createElement('meta', { name: 'viewport', content: 'width=device-width' }) },
    ...tags,
  ];
  const seen = new Set<string>();
  const kept: unknown[] = [];
  for (const tag of [...all].reverse()) {
    const element = tag.element as { type?: unknown; props?: Record<string, unknown> };
    const ids: string[] = [];
    if (tag.key !== undefined && !DEFAULT_HEAD_KEYS.includes(tag.key)) ids.push(`key:${tag.key}`);
    if (element.type === 'title' || element.type === 'base') ids.push(String(element.type));
    if (element.type === 'meta') {
      const props = element.props ?? {};
      if (props.charSet !== undefined) ids.push('charset');
      for (const attribute of ['name', 'property', 'httpEquiv', 'itemProp']) if (typeof props[attribute] === 'string') ids.push(`${attribute}:${props[attribute]}`);
    }
    if (ids.some((id) => seen.has(id))) continue;
    for (const id of ids) seen.add(id);
    kept.unshift(element);
  }
  return kept.map((element, i) => {
    const value = element as { type: unknown; props: Record<string, unknown> };
    return react.createElement(value.type, { ...value.props, key: `head-${i}` });
  });
}

export { ComponentError };
