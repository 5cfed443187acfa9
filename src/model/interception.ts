import { INTERCEPTION_MARKERS } from './app-segment-param.js';

/**
 * App-router intercepting routes (`(.)x`, `(..)x`, `(..)(..)x`, `(...)x`), as next@16.4.6 reads them
 * (shared/lib/router/utils/interception-routes.ts `isInterceptionRouteAppPath`,
 * `extractInterceptionRouteInformation`). An intercepting route has no URL of its own: Next.js renders it
 * in place of the intercepted route during a client-side navigation from inside the intercepting route
 * (a rewrite keyed on the `Next-Url` header), and a direct request gets the intercepted route.
 */

/** Whether a normalised app route contains an interception marker. */
export function isInterceptionRoute(route: string): boolean {
  return route.split('/').some((segment) => INTERCEPTION_MARKERS.some((m) => segment.startsWith(m)));
}

export interface InterceptionInfo {
  /** The route whose navigations are intercepted ('/ic' for '/ic/(.)photo/[id]'). */
  interceptingRoute: string;
  /** The route whose URLs it takes over ('/ic/photo/[id]'). */
  interceptedRoute: string;
}

/** `extractInterceptionRouteInformation`; throws Next's own message for a marker that climbs too far. */
export function interceptionInfo(route: string): InterceptionInfo {
  let marker: string | undefined;
  let intercepting: string | undefined;
  let intercepted: string | undefined;
  for (const segment of route.split('/')) {
    marker = INTERCEPTION_MARKERS.find((m) => segment.startsWith(m));
    if (marker) {
      const at = route.indexOf(marker);
      intercepting = route.slice(0, at);
      // `path.split(marker, 2)`: the text up to the next occurrence of the marker, if any.
      const rest = route.slice(at + marker.length);
      const next = rest.indexOf(marker);
      intercepted = next === -1 ? rest : rest.slice(0, next);
      break;
    }
  }
  if (!intercepting || !marker || !intercepted) {
    throw new Error(
      `Invalid interception route: ${route}. Must be in the format /<intercepting route>/(..|...|..)(..)/<intercepted route>`,
    );
  }
  // The route is already normalised (groups and slots removed); only the trailing slash goes.
  const interceptingRoute = intercepting === '/' ? '/' : intercepting.replace(/\/$/, '') || '/';
  let interceptedRoute: string;
  switch (marker) {
    case '(.)':
      interceptedRoute = interceptingRoute === '/' ? `/${intercepted}` : `${interceptingRoute}/${intercepted}`;
      break;
    case '(..)':
      if (interceptingRoute === '/') {
        throw new Error(`Invalid interception route: ${route}. Cannot use (..) marker at the root level, use (.) instead.`);
      }
      interceptedRoute = interceptingRoute.split('/').slice(0, -1).concat(intercepted).join('/');
      break;
    case '(...)':
      interceptedRoute = `/${intercepted}`;
      break;
    default: {
      const parts = interceptingRoute.split('/');
      if (parts.length <= 2) {
        throw new Error(`Invalid interception route: ${route}. Cannot use (..)(..) marker at the root level or one level up.`);
      }
      interceptedRoute = parts.slice(0, -2).concat(intercepted).join('/');
    }
  }
  return { interceptingRoute, interceptedRoute };
}
