import type { Entry, Origin, RouteKind, Unmatched } from '../model/types.js';
import type { NextI18n } from '../project/types.js';
import type { NextRules, ParamsShape } from '../project/next-version.js';

/**
 * What the renderer works from, all of it serialisable: the build prepares it once (bundles, client assets,
 * styles) in one process, and every render process opens it.
 */
export interface RenderManifest {
  root: string;
  site: SiteSettings;
  /** Server bundles by project-relative source file, for the pages router (layer `pages`). */
  pages?: PagesManifest;
  app?: AppManifest;
}

export interface SiteSettings {
  basePath: string;
  trailingSlash: boolean;
  i18n?: NextI18n;
  /** An id for this build, in the pages router's `__NEXT_DATA__` (Next's buildId). */
  buildId: string;
  /** Next's staticPageGenerationTimeout, in milliseconds. */
  limitMs: number;
  /** Pages a render process renders at once (Next's staticGenerationMaxConcurrency). */
  concurrency: number;
  /** How the project's Next.js hands `params` and `searchParams` to user code (project/next-version.ts). */
  paramsAs: ParamsShape;
  /** What a metadata route's default export gets (NextRules.metadataArgs). */
  metadataArgs: NextRules['metadataArgs'];
}

export interface ClientAssets {
  /** Module scripts to load, in order (URLs, basePath included). */
  scripts: string[];
  /** Stylesheets, in cascade order (URLs). */
  styles: string[];
}

export interface PagesManifest {
  /** Project-relative source file → server bundle (absolute path). */
  server: Record<string, string>;
  /** Project-relative `_app` and `_document` files, when the project has them. */
  app?: string;
  document?: string;
  /** Project-relative page file → its browser assets. */
  client: Record<string, ClientAssets>;
  /** The assets of the 404 page (the default error page, or pages/404). */
  notFoundClient: ClientAssets;
}

export interface AppManifest {
  /** Project-relative source file (layouts, pages, templates, not-found, route handlers) → rsc bundle. */
  rsc: Record<string, string>;
  /** The rsc half's runtime (react-server-dom-webpack's server, React's server build). */
  rscRuntime: string;
  /** The ssr half's runtime (react-dom/server, react-server-dom-webpack's client) and its client modules. */
  ssrRuntime: string;
  /** Absolute client module path → its ssr bundle. */
  ssrModules: Record<string, string>;
  /** Absolute client module path → its browser chunk URL (the client reference's id). */
  clientModules: Record<string, string>;
  /** The browser bootstrap that hydrates an app page. */
  bootstrap: string;
  /**
   * Project-relative page / route file → the segments above it, root first (render/app/segments.ts);
   * `''` is the root's own, for the 404 page.
   */
  trees: Record<string, AppSegment[]>;
  /** Project-relative page file → the stylesheets its segments import (URLs, in order). */
  styles: Record<string, string[]>;
  /** Stylesheets of the root not-found page. */
  notFoundStyles: string[];
}

/** One folder of the app router's loader tree: project-relative files, and the params its folder adds. */
export interface AppSegment {
  layout?: string;
  template?: string;
  notFound?: string;
  loading?: string;
  params: string[];
}

/** A route as the renderer needs it (a subset of the model's Route). */
export interface RouteRef {
  pattern: string;
  file: string;
  origin: Origin;
  kind: RouteKind;
  unmatched: Unmatched;
}

export interface RenderJob {
  route: RouteRef;
  entry: Entry;
  /** `fallback`: the page's `fallback: true` shell; `not-found`: the site's 404 page. */
  shell?: 'fallback' | 'not-found';
}

export interface RenderFailure {
  code: string;
  url: string;
  file: string;
  /** The user function that failed, when one did (getStaticProps, generateMetadata, GET, ...). */
  function?: string;
  message: string;
  /** The components from the failing one up to the root, innermost first. */
  componentStack?: string;
  stack?: string;
}

export type RenderOutcome =
  | { kind: 'html'; html: string }
  /** A route handler's or metadata route's response body. */
  | { kind: 'body'; body: Uint8Array; contentType?: string }
  /** getStaticProps returned notFound, or the page called notFound(): no file. */
  | { kind: 'not-found' }
  | { kind: 'redirect'; location: string; status: number; html: string }
  | { kind: 'failed'; failure: RenderFailure };
