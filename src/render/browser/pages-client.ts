/**
 * The browser side of a pages-router page (bundled into each page's entry by render/client-bundles.ts):
 * reads the `__NEXT_DATA__` the server wrote, gives the `next/router` stand-in the same URL, query and locale
 * the server rendered with, and hydrates `_app` with the page and its props.
 */
import { createElement, type ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { setRenderContext } from '../../load/next-stand-ins/render-context.js';

interface NextData {
  props: { pageProps: Record<string, unknown>; [key: string]: unknown };
  page: string;
  query: Record<string, string | string[]>;
  isFallback?: boolean;
  locale?: string;
  locales?: string[];
  defaultLocale?: string;
  zfb: { asPath: string; pathname: string; basePath: string; trailingSlash: boolean };
}

export function hydratePage(App: ComponentType<Record<string, unknown>>, Page: ComponentType<Record<string, unknown>>): void {
  const script = document.getElementById('__NEXT_DATA__');
  const root = document.getElementById('__next');
  if (!script || !root) return;
  const data = JSON.parse(script.textContent ?? '{}') as NextData;
  (window as unknown as { __NEXT_DATA__: NextData }).__NEXT_DATA__ = data;
  setRenderContext({
    router: 'pages',
    pathname: data.zfb.pathname,
    route: data.page,
    asPath: data.zfb.asPath,
    query: data.query,
    params: data.query,
    ...(data.locale ? { locale: data.locale, lang: data.locale } : {}),
    ...(data.locales ? { locales: data.locales, defaultLocale: data.defaultLocale! } : {}),
    basePath: data.zfb.basePath,
    trailingSlash: data.zfb.trailingSlash,
    isFallback: data.isFallback ?? false,
  });
  const { pageProps, __N_SSG: _ssg, ...appProps } = data.props;
  void _ssg;
  hydrateRoot(root, createElement(App, { ...appProps, Component: Page, pageProps }));
}
