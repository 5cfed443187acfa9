import type { Diagnostic } from '../model/types.js';

/**
 * The migration report: `migration-report.json` in the output and `zfb-next migrate --json` on stdout. Its
 * JSON form is a public contract (README, "Migration report JSON"): fields may be added within a version;
 * renaming or removing one bumps `version`.
 */

export const REPORT_VERSION = 1;

export interface Marker {
  /** Output-relative file. */
  file: string;
  line: number;
  reason: string;
}

/** Something a route's users will notice on zfb although its URLs survive (or some of them do). */
export interface LossyChange {
  kind: 'fallback' | 'revalidate' | 'i18n' | 'redirect' | 'not-found' | 'interactivity' | 'head' | 'data' | 'endpoint' | 'other';
  detail: string;
}

export type RouteApi =
  | 'static'
  | 'getStaticProps'
  | 'getStaticPaths'
  | 'getStaticPaths+getStaticProps'
  | 'generateStaticParams'
  | 'app-static'
  | 'route-handler'
  | 'getServerSideProps'
  | 'api';

export interface RouteReport {
  /** The Next.js route pattern ('/posts/[slug]'). */
  pattern: string;
  /** Source-relative files the route was made from (the page, the layouts above it, _app/_document). */
  source: string[];
  api: RouteApi;
  /** Output-relative zfb page(s); [] when the route was not migrated. */
  target: string[];
  /** The data module the next-data plugin runs for the page, when it has data. */
  data?: string;
  transform: 'pages-to-zfb' | 'app-to-zfb' | 'copy' | 'endpoint' | 'none';
  urls: { before: number; after: number };
  markers: Marker[];
  lossy: LossyChange[];
  /** Errors of the route's data functions, from the route model of the source. */
  errors: string[];
}

export interface NotMigrated {
  /** Source-relative file (or next.config key such as `next.config.js#rewrites`). */
  file: string;
  reason: string;
  /** Where the file is in the output, when it was kept (renamed so zfb does not route it). */
  keptAs?: string;
}

/** An import the zfb pages reach that needs Node: stubbed in their bundle (see next-shims/node-only/). */
export interface NodeOnlyImport {
  specifier: string;
  /** Output-relative stand-in module. */
  stub: string;
  /** Output-relative modules on the pages' side that import it. */
  importedBy: string[];
}

/** A redirect of next.config `redirects()`, and the `public/_redirects` lines it became. */
export interface RedirectReport {
  /** As the config gave it (before Next adds basePath). */
  source: string;
  destination: string;
  /** What Next.js answers with: `statusCode`, else 308 when `permanent`, else 307. */
  status: number;
  /** The lines written into public/_redirects; [] when it was not migrated. */
  lines: string[];
  /** Why the rule has no lines (also listed in `notMigrated`). */
  notMigrated?: string;
}

export interface LostUrl {
  url: string;
  reason: string;
}

export interface UrlSets {
  /** Every URL the Next.js project serves (its route model), canonical form, sorted. */
  before: string[];
  /** Every URL the zfb project serves, canonical form, sorted. */
  after: string[];
  /** `plan`: the URLs the migrated pages are made to build; `zfb-build`: read from the real zfb build. */
  afterFrom: 'plan' | 'zfb-build';
  /** Every URL of `before` missing from `after`, with why. */
  lost: LostUrl[];
}

export interface VerifyReport {
  install: { ok: boolean; command: string; output?: string };
  zfbBuild: { ok: boolean; output?: string };
  nextBuild: { ok: boolean; ran: boolean; output?: string };
  /** The `zfb-next diff` JSON between the Next.js build and the zfb build. */
  diff?: unknown;
}

export interface MigrationReport {
  schema: 'zfb-next-migrate';
  version: typeof REPORT_VERSION;
  source: string;
  output: string;
  engines: { next: string; zfb: string };
  summary: {
    routes: number;
    migrated: number;
    urlsBefore: number;
    urlsAfter: number;
    urlsLost: number;
    markers: number;
    notMigrated: number;
    filesCopied: number;
    filesWritten: number;
    /** Redirects of next.config written into public/_redirects. */
    redirects: number;
  };
  routes: RouteReport[];
  notMigrated: NotMigrated[];
  urls: UrlSets;
  /** Every redirect of next.config `redirects()`, in its order. */
  redirects: RedirectReport[];
  /** Source files that do not parse: copied unchanged. */
  unparsable: { file: string; error: string }[];
  /** Imports of Node modules the pages' side reaches; each works until a page calls it while rendering. */
  nodeOnlyImports: NodeOnlyImport[];
  /** Route-model diagnostics of the source, as `zfb-next routes` reports them. */
  diagnostics: Diagnostic[];
  verify?: VerifyReport;
}
