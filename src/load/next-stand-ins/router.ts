/** Stand-in for `next/router` (pages router): the router a page sees, filled from the render context. */
import { createElement, type ComponentType } from 'react';
import { navigate } from './location.js';
import { getRenderContext } from './render-context.js';
import { formatHref, withSitePrefix, type UrlObject } from './url.js';

type Href = string | UrlObject;

const events = { on: () => undefined, off: () => undefined, emit: () => undefined };

function routerState() {
  const context = getRenderContext();
  const asPath = context?.asPath ?? (typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search);
  return {
    route: context?.route ?? asPath.split('?')[0]!,
    pathname: context?.route ?? asPath.split('?')[0]!,
    query: context?.query ?? {},
    asPath,
    basePath: context?.basePath ?? '',
    locale: context?.locale,
    locales: context?.locales,
    defaultLocale: context?.defaultLocale,
    isFallback: context?.isFallback ?? false,
    isReady: true,
    isPreview: false,
    isLocaleDomain: false,
  };
}

export const push = async (href: Href, as?: Href): Promise<boolean> => {
  navigate(withSitePrefix(formatHref(as ?? href)));
  return true;
};
export const replace = async (href: Href, as?: Href): Promise<boolean> => {
  navigate(withSitePrefix(formatHref(as ?? href)), true);
  return true;
};
export const reload = (): void => (typeof window === 'undefined' ? undefined : window.location.reload());
export const back = (): void => (typeof window === 'undefined' ? undefined : window.history.back());
export const prefetch = async (): Promise<void> => undefined;
export const beforePopState = (): void => undefined;
export const readyCallbacks: Array<() => void> = [];
export const ready = (callback: () => void): void => callback();

function makeRouter() {
  return { ...routerState(), push, replace, reload, back, forward: () => undefined, prefetch, beforePopState, events };
}

export function useRouter() {
  return makeRouter();
}

export function makePublicRouterInstance() {
  return makeRouter();
}

export function createRouter() {
  return makeRouter();
}

export class Router {
  static events = events;
}

/** The singleton `import Router from 'next/router'`: its fields read the current render. */
export const router = new Proxy({} as ReturnType<typeof makeRouter>, {
  get: (_target, key) => (makeRouter() as Record<string | symbol, unknown>)[key],
});

export default router;

export function withRouter<P extends object>(Component: ComponentType<P & { router: unknown }>) {
  function WithRouter(props: P) {
    return createElement(Component, { ...props, router: makeRouter() });
  }
  return WithRouter;
}
