import type { Origin, RouteModel, Unmatched } from '../model/types.js';

/** Where a side's URLs came from; each reader documents what it can and cannot know. */
export type SideKind = 'project' | 'routes-json' | 'zfb-dist' | 'next-build' | 'next-export' | 'git';

export type SideLabel = 'base' | 'head';

/** One route of a side, in the shape every reader produces so that any two sides compare. */
export interface SideRoute {
  pattern: string;
  /** Project-relative source file; '' when the side does not record it (an export tree on its own). */
  file: string;
  origin: Origin | 'unknown';
  /**
   * The functions that produced the route's params, unique and sorted (getStaticPaths, paths, ...); [] for
   * none; null when the side cannot tell (an app-router build without prerendered URLs for the route).
   */
  providers: string[] | null;
  /** What happens to unlisted URLs; null for static routes and for sides that cannot tell. */
  unmatched: Unmatched | null;
}

export interface SideDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  file?: string;
  message: string;
}

export interface Side {
  label: SideLabel;
  /** The argument as the user wrote it (made relative when it is an absolute path under the cwd). */
  spec: string;
  kind: SideKind;
  /** Canonical URL (see canonical-url.ts) → the route that serves it. */
  urls: Map<string, SideRoute>;
  /** Canonical URL → its HTML file, relative to `htmlRoot` (build outputs only). */
  html: Map<string, string>;
  /** Every route, also those without URLs (a dynamic route that listed none still has a fallback mode). */
  routes: SideRoute[];
  /** Absolute directory that the `html` paths are relative to. */
  htmlRoot?: string;
  diagnostics: SideDiagnostic[];
}

/** A side that cannot be read: the CLI turns it into exit code 2, naming the side and the reason. */
export class SideError extends Error {
  constructor(
    readonly label: SideLabel,
    readonly spec: string,
    readonly reason: string,
  ) {
    super(`cannot read the ${label} side "${spec}": ${reason}`);
    this.name = 'SideError';
  }
}

export type BuildModel = (dir: string, options?: { label?: string }) => Promise<RouteModel>;

export interface ReadSideOptions {
  /** Resolves relative side paths and finds the repository of `git:` sides. */
  cwd: string;
  /** Computes a project directory's route model; defaults to buildRouteModel. */
  buildModel?: BuildModel;
}

/**
 * Collects URLs in reading order; the first route to claim a URL keeps it (the engines' own order decides
 * which page answers), and every later claim is a visible diagnostic instead of a silent loss.
 */
export class SideBuilder {
  readonly urls = new Map<string, SideRoute>();
  readonly html = new Map<string, string>();
  readonly routes: SideRoute[] = [];
  readonly diagnostics: SideDiagnostic[] = [];

  addRoute(route: SideRoute): SideRoute {
    this.routes.push(route);
    return route;
  }

  addUrl(url: string, route: SideRoute, html?: string): void {
    const existing = this.urls.get(url);
    if (existing) {
      if (existing !== route) {
        this.diagnostics.push({
          severity: 'warning',
          code: 'DIFF_DUPLICATE_URL',
          file: route.file || undefined,
          message: `${url} is served by both ${describe(existing)} and ${describe(route)}; the first one is compared`,
        });
      }
      return;
    }
    this.urls.set(url, route);
    if (html !== undefined) this.html.set(url, html);
  }

  finish(label: SideLabel, spec: string, kind: SideKind, htmlRoot?: string): Side {
    return { label, spec, kind, urls: this.urls, html: this.html, routes: this.routes, htmlRoot, diagnostics: this.diagnostics };
  }
}

function describe(route: SideRoute): string {
  return route.file ? `${route.pattern} (${route.file})` : route.pattern;
}

export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

export function isDynamicPattern(pattern: string): boolean {
  return pattern.includes('[');
}
