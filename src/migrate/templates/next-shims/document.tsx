import { Component, createContext, useContext, type HTMLAttributes, type ReactNode } from 'react';

/**
 * next/document for zfb: pages/_document keeps rendering the whole HTML document. <Main /> is where the
 * page goes (inside Next's <div id="__next">), <Head> is the document's <head> with Next's default meta
 * tags, and <NextScript /> renders nothing: zfb adds its own scripts and styles.
 */

export interface DocumentShell {
  main: ReactNode;
  locale?: string;
}

export const DocumentShellContext = createContext<DocumentShell>({ main: null });

export function Html(props: HTMLAttributes<HTMLHtmlElement>) {
  const { locale } = useContext(DocumentShellContext);
  return <html {...props} lang={props.lang || locale || undefined} />;
}

export function Head({ children, ...props }: HTMLAttributes<HTMLHeadElement> & { nonce?: string; crossOrigin?: string }) {
  const { nonce, crossOrigin, ...attributes } = props;
  void nonce, crossOrigin;
  return (
    <head {...attributes}>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width" />
      {children}
    </head>
  );
}

export function Main() {
  return <div id="__next">{useContext(DocumentShellContext).main}</div>;
}

export function NextScript(_props: { nonce?: string; crossOrigin?: string }) {
  return null;
}

export interface DocumentInitialProps {
  html: string;
  head?: ReactNode[];
  styles?: ReactNode;
}

export type DocumentProps = DocumentInitialProps & { locale?: string; [key: string]: unknown };

export interface DocumentContext {
  [key: string]: unknown;
}

/** Next's default document, and the base class a custom one extends. zfb never calls getInitialProps. */
export default class Document<P = {}> extends Component<DocumentProps & P> {
  static async getInitialProps(_context: DocumentContext): Promise<DocumentInitialProps> {
    return { html: '' };
  }

  override render() {
    return (
      <Html>
        <Head />
        <body>
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
