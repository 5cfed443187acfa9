import { createElement, type ComponentType } from 'react';
import { PageContext, urlOf, type NextPageContext } from './context';
import DefaultDocument, { DocumentShellContext } from './document';
import { routerFor } from './router';

export interface PagesShellProps {
  /** pages/_app, when the project has one. */
  App?: ComponentType<any>;
  /** pages/_document, when the project has one. */
  Document?: ComponentType<any>;
  /** The page's own component. */
  Component: ComponentType<any>;
  /** What zfb passes the page: `params` beside the props its data gave. */
  input: Record<string, unknown>;
  /** The page's Next.js route pattern, '/posts/[slug]'. */
  route: string;
  i18n?: { locales: string[]; defaultLocale: string };
}

/**
 * A pages-router page as Next.js rendered it: the page inside pages/_app inside pages/_document. zfb hands
 * the page `{ params, ...props }`; the page and _app get the props as `pageProps`, and the params back
 * through useRouter().
 */
export function PagesShell({ App, Document, Component, input, route, i18n }: PagesShellProps) {
  const { params: given, ...pageProps } = input as { params?: Record<string, string | string[]> };
  const all = given ?? {};
  // Under i18n the page lives below a [locale] folder that Next.js never showed it.
  const locale = i18n ? (typeof all.locale === 'string' ? all.locale : i18n.defaultLocale) : undefined;
  const params = Object.fromEntries(Object.entries(all).filter(([key]) => !(i18n && key === 'locale')));
  const page: NextPageContext = {
    route,
    params,
    // Next's asPath leaves the locale out.
    asPath: urlOf(route, params),
    ...(i18n ? { locale, locales: i18n.locales, defaultLocale: i18n.defaultLocale } : {}),
  };
  const router = routerFor(page);
  const main = App ? createElement(App, { Component, pageProps, router }) : createElement(Component, pageProps);
  return (
    <PageContext.Provider value={page}>
      <DocumentShellContext.Provider value={{ main, locale }}>{createElement(Document ?? DefaultDocument, { locale })}</DocumentShellContext.Provider>
    </PageContext.Provider>
  );
}
