/**
 * What a stand-in may know about the URL being rendered. The route model's probe sets one with
 * `setRenderContext`; the renderer (src/render/) runs each render inside `runInRenderContext`, an
 * AsyncLocalStorage scope, so that renders of several URLs in one process never see each other's context.
 * Both live under `Symbol.for` keys on globalThis: every bundle holds its own copy of the stand-ins, and in
 * a browser the page's bootstrap sets the context of the page it hydrates.
 */
export interface RenderContext {
  /** Which router renders the page: some stand-ins behave as that router's own module does. */
  router?: 'pages' | 'app';
  /** The URL's pathname, as `usePathname()` returns it. */
  pathname: string;
  /** The route pattern (`/blog/[slug]`), as the pages router's `router.pathname` returns it. */
  route: string;
  /** Next's `asPath`: the URL as requested, without basePath and locale prefix handling done for you. */
  asPath: string;
  query: Record<string, string | string[]>;
  params: Record<string, string | string[]>;
  locale?: string;
  locales?: string[];
  defaultLocale?: string;
  basePath: string;
  /** next.config `trailingSlash`: links are written with (true) or without (false) the slash. */
  trailingSlash?: boolean;
  isFallback: boolean;
  /** `next/head` children and app-router metadata go here; the renderer puts them into <head>. */
  head?: { add(key: string | undefined, element: unknown): void };
  /** Called when user code reaches a request-time API (headers(), cookies(), ...), as Next detects it. */
  onRequestApi?(api: string): void;
  /** What `_document`'s `<Main>`, `<Head>` and `<NextScript>` put in the page (pages router). */
  document?: { main: string; head: unknown[]; scripts: unknown[]; styles?: unknown[] };
  /** The HTML `lang` Next's `<Html>` writes: the locale of the page (pages router i18n). */
  lang?: string;
}

const KEY = Symbol.for('zfb-next.render-context');
const STORE_KEY = Symbol.for('zfb-next.render-context-store');

/** An AsyncLocalStorage (Node only), shared by every copy of this module in the process. */
interface ContextStore {
  getStore(): RenderContext | undefined;
  run<T>(context: RenderContext, fn: () => T): T;
}

export function getRenderContext(): RenderContext | undefined {
  const globals = globalThis as Record<symbol, unknown>;
  return (globals[STORE_KEY] as ContextStore | undefined)?.getStore() ?? (globals[KEY] as RenderContext | undefined);
}

/** Runs `fn` (and everything it starts) with `context`; `store` is created once per process by the renderer. */
export function runInRenderContext<T>(store: ContextStore, context: RenderContext, fn: () => T): T {
  const globals = globalThis as Record<symbol, unknown>;
  globals[STORE_KEY] ??= store;
  return (globals[STORE_KEY] as ContextStore).run(context, fn);
}

export function setRenderContext(context: RenderContext | undefined): void {
  (globalThis as Record<symbol, RenderContext | undefined>)[KEY] = context;
}

export interface RuntimeConfig {
  serverRuntimeConfig: object;
  publicRuntimeConfig: object;
}

const CONFIG_KEY = Symbol.for('zfb-next.runtime-config');

/** `next/config`'s values, from the project's next.config (Next.js 12 to 15 have `getConfig()`). */
export function getRuntimeConfig(): RuntimeConfig {
  return (globalThis as Record<symbol, RuntimeConfig | undefined>)[CONFIG_KEY] ?? { serverRuntimeConfig: {}, publicRuntimeConfig: {} };
}

export function setRuntimeConfig(config: RuntimeConfig): void {
  (globalThis as Record<symbol, RuntimeConfig | undefined>)[CONFIG_KEY] = config;
}
