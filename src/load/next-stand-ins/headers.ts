/**
 * Stand-in for `next/headers`. Reaching any of these during a build is what makes Next.js render the route
 * on request instead of prerendering it (a dynamic API), so each one reports itself to the render context.
 */
import { getRenderContext } from './render-context.js';

function requestApi(name: string): void {
  getRenderContext()?.onRequestApi?.(name);
}

export async function headers(): Promise<Headers> {
  requestApi('headers()');
  return new Headers();
}

export async function cookies() {
  requestApi('cookies()');
  return {
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
    toString: () => '',
    size: 0,
  };
}

// Reading draft mode does not make a page dynamic (a real build of fixtures/load-app-router prerenders it).
export async function draftMode() {
  return { isEnabled: false, enable: () => undefined, disable: () => undefined };
}
