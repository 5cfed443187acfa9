import { expect } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';

/** What a migration must keep: per route pattern, its URLs and what happens to unlisted ones. */
export interface RouteSummary {
  pattern: string;
  unmatched: string;
  urls: string[];
}

/** The model reduced to what a migration must keep; asserts the model has no error first. */
export function routeSummary(model: RouteModel): RouteSummary[] {
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model.routes
    .map((r) => ({ pattern: r.pattern, unmatched: r.unmatched, urls: r.entries.map((e) => e.url).sort() }))
    .sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
}

export function routeOrigins(model: RouteModel): Record<string, string> {
  return Object.fromEntries(model.routes.map((r) => [r.pattern, r.origin]));
}
