import type { Route } from '../model/types.js';

/**
 * The URLs a route serves: the one count that `zfb-next routes` prints and `zfb-next diff` compares. Every
 * entry the build lists; and a static route that lists none because it renders on request (a
 * getServerSideProps page, an API route, a route handler or an app page that is dynamic) still answers at
 * its own path. A static route that lists nothing for any other reason (its module failed to load, Next
 * refuses it, its getStaticProps answered `notFound`) serves nothing the model can vouch for, so it counts
 * no URL: a page that broke shows up as a removed URL, never as a kept one.
 */
export function routeUrls(route: Pick<Route, 'pattern' | 'unmatched' | 'entries'>): string[] {
  if (route.entries.length === 0 && !route.pattern.includes('[') && route.unmatched === 'blocking') return [route.pattern];
  return route.entries.map((entry) => entry.url);
}
