/** Stand-in for `next/app`: the default App renders the page with its props, as Next's does. */
import { Component, createElement, type ComponentType } from 'react';

interface AppProps {
  Component: ComponentType<Record<string, unknown>>;
  pageProps: Record<string, unknown>;
}

interface AppContext {
  Component: { getInitialProps?: (ctx: unknown) => unknown };
  ctx: unknown;
}

/** shared/lib/utils.ts `loadGetInitialProps` for the page, as App.getInitialProps calls it. */
export async function appGetInitialProps({ Component: Page, ctx }: AppContext): Promise<{ pageProps: unknown }> {
  const pageProps = Page.getInitialProps ? await Page.getInitialProps(ctx) : {};
  return { pageProps };
}

export const origGetInitialProps = appGetInitialProps;
export const getInitialProps = appGetInitialProps;

export default class App<P = object> extends Component<AppProps & P> {
  static origGetInitialProps = appGetInitialProps;
  static getInitialProps = appGetInitialProps;

  override render() {
    const { Component: Page, pageProps } = this.props;
    return createElement(Page, pageProps);
  }
}
