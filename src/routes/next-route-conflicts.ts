import { pagesRouteConflict } from '../model/next-route-sorter.js';
import type { Diagnostic, Route } from '../model/types.js';
import type { NextRules } from '../project/next-version.js';

/**
 * next@13.5–14.2 (and 15.0–15.4) write the routes manifest with `getSortedRoutes([...pages, ...app])`
 * (build/index.js), so app routes meet the pages router's trie, and each other: `app/(a)/blog/[id]` and
 * `app/(b)/blog/[slug]` fail a next@14.2.35 build with "You cannot use different slug names for the same
 * dynamic path ('id' !== 'slug')." (15.5 builds both; 16.2+ rejects them as ambiguous, validate-app-paths).
 * A conflict among the pages alone is already reported by the pages front-end.
 */
export function sortedRoutesConflicts(routes: readonly Route[], diagnostics: readonly Diagnostic[], rules: NextRules): Diagnostic[] {
  if (rules.appRouteCheck !== 'sorted-routes') return [];
  const app = routes.filter((r) => r.origin === 'next-app');
  if (app.length === 0 || diagnostics.some((d) => d.code === 'PAGES_ROUTE_CONFLICT')) return [];
  const pages = routes.filter((r) => r.origin === 'next-pages');
  const conflict = pagesRouteConflict([...pages, ...app].map((r) => r.pattern), { threeDotCheck: rules.threeDotCheck });
  if (!conflict) return [];
  const named = app.find((r) => r.pattern.split('/').some((part) => conflict.includes(`'${part.replace(/^\[+(\.\.\.)?|\]+$/g, '')}'`))) ?? app[0]!;
  return [{ severity: 'error', code: 'APP_ROUTE_CONFLICT', file: named.file, message: conflict }];
}
