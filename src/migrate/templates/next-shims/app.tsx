import { Component, type ComponentType } from 'react';
import type { NextRouter } from './router';

export interface AppProps<P = any> {
  Component: ComponentType<P>;
  pageProps: P;
  router: NextRouter;
}

export type AppContext = { Component: ComponentType<any>; router: NextRouter; ctx: Record<string, unknown> };
export type AppInitialProps<P = any> = { pageProps: P };

/** next/app for zfb: the default App renders the page; a custom pages/_app wraps it as before. */
export default class App<P = {}> extends Component<AppProps & P> {
  static async getInitialProps(_context: AppContext): Promise<AppInitialProps> {
    return { pageProps: {} };
  }

  override render() {
    const { Component: Page, pageProps } = this.props;
    return <Page {...pageProps} />;
  }
}
