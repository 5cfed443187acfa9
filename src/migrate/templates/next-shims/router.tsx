import type { ComponentType } from 'react';
import { usePageContext, type NextPageContext } from './context';

type Href = string | { pathname?: string | null; query?: unknown };

export interface NextRouter {
  route: string;
  pathname: string;
  query: Record<string, string | string[] | undefined>;
  asPath: string;
  basePath: string;
  locale?: string;
  locales?: string[];
  defaultLocale?: string;
  isFallback: boolean;
  isReady: boolean;
  isPreview: boolean;
  isLocaleDomain: boolean;
  push(url: Href, as?: Href, options?: unknown): Promise<boolean>;
  replace(url: Href, as?: Href, options?: unknown): Promise<boolean>;
  reload(): void;
  back(): void;
  forward(): void;
  prefetch(url: string): Promise<void>;
  beforePopState(callback: unknown): void;
  events: { on(event: string, handler: unknown): void; off(event: string, handler: unknown): void; emit(event: string, ...args: unknown[]): void };
}

function go(url: Href, replace: boolean): Promise<boolean> {
  const href = typeof url === 'string' ? url : (url.pathname ?? '/');
  if (typeof window !== 'undefined') {
    if (replace) window.location.replace(href);
    else window.location.assign(href);
  }
  return Promise.resolve(true);
}

const events = { on() {}, off() {}, emit() {} };

/**
 * A router for a static zfb page: the page's route, params and URL; navigation loads the other page. zfb
 * builds every page ahead of time, so `isFallback` is always false.
 */
export function routerFor(page: NextPageContext): NextRouter {
  return {
    route: page.route,
    pathname: page.route,
    query: { ...page.params },
    asPath: page.asPath,
    basePath: '',
    locale: page.locale,
    locales: page.locales,
    defaultLocale: page.defaultLocale,
    isFallback: false,
    isReady: true,
    isPreview: false,
    isLocaleDomain: false,
    push: (url) => go(url, false),
    replace: (url) => go(url, true),
    reload: () => (typeof window !== 'undefined' ? window.location.reload() : undefined),
    back: () => (typeof window !== 'undefined' ? window.history.back() : undefined),
    forward: () => (typeof window !== 'undefined' ? window.history.forward() : undefined),
    prefetch: () => Promise.resolve(),
    beforePopState: () => {},
    events,
  };
}

export function useRouter(): NextRouter {
  return routerFor(usePageContext());
}

export function withRouter<P extends { router?: NextRouter }>(Wrapped: ComponentType<P>) {
  return function WithRouter(props: Omit<P, 'router'>) {
    return <Wrapped {...(props as P)} router={useRouter()} />;
  };
}

const Router = {
  push: (url: Href) => go(url, false),
  replace: (url: Href) => go(url, true),
  back: () => (typeof window !== 'undefined' ? window.history.back() : undefined),
  reload: () => (typeof window !== 'undefined' ? window.location.reload() : undefined),
  prefetch: () => Promise.resolve(),
  events,
};

export default Router;
