/**
 * Stand-in for `next/document`: `<Html>`, `<Head>`, `<Main>` and `<NextScript>` take what the renderer put in
 * the render context (the page's HTML, head tags, scripts).
 */
import { Component, createElement, Fragment, type ReactNode } from 'react';
import { getRenderContext } from './render-context.js';

export function Html(props: { children?: ReactNode; [prop: string]: unknown }) {
  const context = getRenderContext();
  return createElement('html', { lang: context?.locale, ...props });
}

export function Head({ children, ...rest }: { children?: ReactNode; [prop: string]: unknown }) {
  const head = getRenderContext()?.document?.head ?? [];
  return createElement('head', rest, createElement('meta', { charSet: 'utf-8' }), ...(head as ReactNode[]), children);
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
