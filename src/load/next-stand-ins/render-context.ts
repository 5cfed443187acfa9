/**
 * What a stand-in may know about the URL being rendered. The route model never renders, so it sets none;
 * a renderer sets one per render with `setRenderContext` (same key, whichever copy of this module a bundle
 * holds: every user bundle gets its own copy of the stand-ins).
 */
export interface RenderContext {
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
  isFallback: boolean;
  /** `next/head` children and app-router metadata go here; the renderer puts them into <head>. */
  head?: { add(key: string | undefined, element: unknown): void };
  /** Called when user code reaches a request-time API (headers(), cookies(), ...), as Next detects it. */
  onRequestApi?(api: string): void;
  /** What `_document`'s `<Main>`, `<Head>` and `<NextScript>` put in the page (pages router). */
  document?: { main: string; head: unknown[]; scripts: unknown[] };
}

const KEY = Symbol.for('zfb-next.render-context');

export function getRenderContext(): RenderContext | undefined {
  return (globalThis as Record<symbol, RenderContext | undefined>)[KEY];
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
