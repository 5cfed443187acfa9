/**
 * The one route model that every front-end (Next.js pages router, Next.js app router, zfb `paths()`) feeds
 * and every consumer (routes, codemods, migrate, build, diff) reads. The JSON form of `RouteModel` is a
 * public contract (README, "Routes JSON"): change field names only on purpose.
 */

export type Segment =
  | { kind: 'static'; value: string }
  | { kind: 'dynamic'; name: string } // [id]
  | { kind: 'catchall'; name: string } // [...slug]
  | { kind: 'optional-catchall'; name: string }; // [[...slug]]

export type Origin = 'next-pages' | 'next-app' | 'zfb';

export type RouteKind = 'page' | 'route-handler' | 'api';

/**
 * What the deployed site does with a URL the build did not list:
 * 'not-found' = 404 (getStaticPaths fallback:false, dynamicParams=false, every zfb route);
 * 'blocking' = rendered on first request (fallback:'blocking', the app-router default);
 * 'fallback' = a fallback page first, then the data (fallback:true).
 */
export type Unmatched = 'not-found' | 'blocking' | 'fallback';

export type ParamValue = string | string[];

/** One function that contributed params keys to a route, in cascade order (top layout first). */
export interface Provider {
  file: string;
  function: string;
  keys: string[];
}

export interface Entry {
  /** The pathname as the route's own engine writes it (Next: prerender-manifest key; zfb: routes.json url). */
  url: string;
  /** Next.js only, when it differs from `url`: the `encodeURIComponent` form (Next's `encodedPathname`). */
  encodedUrl?: string;
  params: Record<string, unknown>;
  locale?: string;
  props?: unknown;
}

export interface Route {
  /** '/blog/[category]/[slug]': groups, @slots and private folders already removed. */
  pattern: string;
  segments: Segment[];
  /** The page / route file, relative to the project root, with forward slashes. */
  file: string;
  origin: Origin;
  kind: RouteKind;
  providers: Provider[];
  unmatched: Unmatched;
  entries: Entry[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** A stable, greppable code such as GSP_MISSING_PARAM. */
  code: string;
  /** Relative to the project root. */
  file?: string;
  line?: number;
  column?: number;
  /** The user function involved: getStaticPaths, generateStaticParams, paths, ... */
  function?: string;
  message: string;
}

/** Which Next.js release's rules the model followed (a project with Next.js routes only). */
export interface NextRulesUsed {
  /** The `next` version installed for the project, or null when it has none. */
  installed: string | null;
  /** The release whose rules were applied: the installed one's known line, or the pinned release. */
  rules: string;
}

export interface RouteModel {
  version: 1;
  root: string;
  next?: NextRulesUsed;
  routes: Route[];
  diagnostics: Diagnostic[];
}
