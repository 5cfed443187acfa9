/** Stand-in for `next/head`: its children go to the page's `<head>` through the render context. */
import { Children, createElement, isValidElement, type ReactNode } from 'react';
import { getRenderContext } from './render-context.js';

export default function Head({ children }: { children?: ReactNode }) {
  const head = getRenderContext()?.head;
  if (head) {
    for (const child of Children.toArray(children)) {
      if (isValidElement(child)) head.add(child.key === null ? undefined : String(child.key), child);
    }
  }
  return null;
}

export function defaultHead() {
  return [createElement('meta', { charSet: 'utf-8', key: 'charset' })];
}
