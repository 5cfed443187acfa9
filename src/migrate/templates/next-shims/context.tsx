import { createContext, useContext } from 'react';

/**
 * What Next.js knew about the page being rendered: its route pattern, params, URL and locale. The page
 * shells provide it while zfb renders a page; inside an island running in the browser there is no provider,
 * so the values come from the address bar instead.
 */
export interface NextPageContext {
  /** The route pattern, '/posts/[slug]'. */
  route: string;
  params: Record<string, string | string[]>;
  /** The URL of the page, '/posts/hello'. */
  asPath: string;
  locale?: string;
  locales?: string[];
  defaultLocale?: string;
}

export const PageContext = createContext<NextPageContext | null>(null);

export function usePageContext(): NextPageContext {
  const provided = useContext(PageContext);
  if (provided) return provided;
  const asPath = typeof window === 'undefined' ? '/' : window.location.pathname;
  return { route: asPath, params: {}, asPath };
}

/** The URL a route pattern gives with these params: '/posts/[slug]' + { slug: 'a' } → '/posts/a'. */
export function urlOf(route: string, params: Record<string, string | string[]>): string {
  const parts = route.split('/').flatMap((segment) => {
    const name = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment)?.[1];
    if (name === undefined) return [segment];
    const value = params[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
  return parts.join('/').replace(/\/+$/, '') || '/';
}
