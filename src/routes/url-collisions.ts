import type { Diagnostic, Route } from '../model/types.js';

/**
 * Two routes that list the same URL. Next.js fails the build for pages-router collisions (its
 * `detectConflictingPaths`, compared case-insensitively, with the message below); zfb 0.1.0-next.89 builds
 * both and silently keeps one render (crates/zfb-router/src/scan.rs `sort_routes` decides which); across engines (a half-migrated tree) one
 * of the two pages is lost. Every case is an error here, naming both files.
 */
export function findUrlCollisions(routes: readonly Route[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstByUrl = new Map<string, { route: Route; url: string }>();
  routes.forEach((route, index) => {
    // The last route's URLs can only collide with earlier ones: with none, there is nothing to look up, and
    // its own URLs need not be kept (a project of one route of 100,000 URLs does neither).
    const last = index === routes.length - 1;
    if (last && firstByUrl.size === 0) return;
    const seenInRoute = new Set<string>();
    for (const entry of route.entries) {
      const lookup = entry.url.toLowerCase();
      const first = firstByUrl.get(lookup);
      if (!first) {
        if (!last) firstByUrl.set(lookup, { route, url: entry.url });
        continue;
      }
      // A URL a route lists twice is one page (Next keeps the first); only another route's URL collides.
      // Checked here, past the common case, so that a route of 100,000 distinct URLs keeps no second set.
      if (first.route === route) continue;
      const key = route.origin === 'next-pages' ? lookup : entry.url;
      if (seenInRoute.has(key)) continue;
      seenInRoute.add(key);
      const bothPages = first.route.origin === 'next-pages' && route.origin === 'next-pages';
      // Only Next's pages router compares case-insensitively; elsewhere /A and /a are different URLs.
      if (!bothPages && first.url !== entry.url) continue;
      diagnostics.push({
        severity: 'error',
        code: 'URL_COLLISION',
        file: route.file,
        message: bothPages
          ? nextConflictMessage(first.route, first.url, route, entry.url)
          : `Two routes produce the URL "${entry.url}": ${first.route.file} (${describe(first.route)}) and ${route.file} (${describe(route)}). ` +
            'Only one of them can be served; remove the URL from one route.',
      });
    }
  });
  return diagnostics;
}

function describe(route: Route): string {
  const provider = route.providers.map((p) => p.function).join(' → ');
  return `${route.origin}${provider ? ` ${provider}` : ''}`;
}

/** Next.js 16.4.6 `detectConflictingPaths` (build/utils.ts), for one conflicting pair. */
function nextConflictMessage(first: Route, firstUrl: string, second: Route, secondUrl: string): string {
  const item = (route: Route, url: string) => {
    const page = route.pattern;
    return `path: "${url}"${page !== url ? ` from page: "${page}" ` : ' '}`;
  };
  return (
    'Conflicting paths returned from getStaticPaths, paths must be unique per page.\n' +
    'See more info here: https://nextjs.org/docs/messages/conflicting-ssg-paths\n\n' +
    `${item(second, secondUrl)}conflicts with ${item(first, firstUrl)}\n` +
    `(${second.file} and ${first.file})`
  );
}
