/** Stand-in for `next/error`: Next's default error page, its title and text (next@16.4.6 pages/_error.tsx). */
import { Component, createElement } from 'react';
import Head from './head.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'This page could not be found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

export async function getInitialProps({ res, err }: { res?: { statusCode?: number }; err?: { statusCode?: number } }) {
  return { statusCode: res?.statusCode ?? err?.statusCode ?? 404 };
}

export const origGetInitialProps = getInitialProps;
export const displayName = 'ErrorPage';
export const catchError = undefined;

export default class ErrorPage extends Component<{ statusCode: number; title?: string }> {
  static displayName = displayName;
  static getInitialProps = getInitialProps;
  static origGetInitialProps = getInitialProps;

  override render() {
    const { statusCode, title } = this.props;
    const text = title ?? STATUS_TEXT[statusCode] ?? 'An unexpected error has occurred';
    return createElement(
      'div',
      null,
      createElement(Head, null, createElement('title', null, statusCode ? `${statusCode}: ${text}` : 'Application error: a client-side exception has occurred')),
      createElement('h1', { className: 'next-error-h1' }, statusCode),
      createElement('div', null, createElement('h2', null, `${text}.`)),
    );
  }
}
