import { getRenderContext } from './render-context.js';

/** The current URL's parts: from the render context on the server, from `window.location` in a browser. */
export function currentPathname(): string {
  const context = getRenderContext();
  if (context) return context.pathname;
  return typeof window === 'undefined' ? '/' : window.location.pathname;
}

export function currentSearch(): string {
  if (getRenderContext()) return '';
  return typeof window === 'undefined' ? '' : window.location.search;
}

export function currentParams(): Record<string, string | string[]> {
  return getRenderContext()?.params ?? {};
}

/** Navigation on a static site is a page load. */
export function navigate(href: string, replace = false): void {
  if (typeof window === 'undefined') return;
  if (replace) window.location.replace(href);
  else window.location.assign(href);
}
