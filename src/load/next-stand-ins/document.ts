/**
 * Stand-in for `next/document`: `<Html>`, `<Head>`, `<Main>` and `<NextScript>` take what the renderer put in
 * the render context (the page's HTML, head tags, stylesheets, scripts), in the order next@16.4.6's
 * pages/_document.tsx writes them: the page's `next/head` tags, the document's own `<Head>` children, the
 * stylesheets, then (in `<NextScript>`) `__NEXT_DATA__` and the page's scripts.
 */
import { Component, createElement, Fragment, type ReactNode } from 'react';
import { getRenderContext } from './render-context.js';

export function Html(props: { children?: ReactNode; lang?: string; [prop: string]: unknown }) {
  const context = getRenderContext();
  // pages/_document.tsx: `lang={props.lang || locale || undefined}`.
  return createElement('html', { ...props, lang: props.lang || context?.lang || undefined });
}

export function Head({ children, ...rest }: { children?: ReactNode; [prop: string]: unknown }) {
  const document = getRenderContext()?.document;
  return createElement('head', rest, ...((document?.head ?? []) as ReactNode[]), children, ...((document?.styles ?? []) as ReactNode[]));
}

export function Main() {
  const main = getRenderContext()?.document?.main ?? '';
  return createElement('div', { id: '__next', dangerouslySetInnerHTML: { __html: main } });
}

export function NextScript() {
  const scripts = getRenderContext()?.document?.scripts ?? [];
  return createElement(Fragment, null, ...(scripts as ReactNode[]));
}

export default class Document<P = object> extends Component<P> {
  static async getInitialProps(ctx: { defaultGetInitialProps?: (ctx: unknown) => Promise<unknown> }): Promise<unknown> {
    return ctx.defaultGetInitialProps ? ctx.defaultGetInitialProps(ctx) : { html: '', head: [], styles: [] };
  }

  override render() {
    return createElement(Html, null, createElement(Head), createElement('body', null, createElement(Main), createElement(NextScript)));
  }
}
