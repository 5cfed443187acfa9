import type { Unmatched } from '../model/types.js';
import type { SideDiagnostic, SideKind } from './side.js';

/**
 * The diff as data: what every renderer reads and what `--format json` prints. Its JSON form is a
 * versioned contract (README "zfb-next diff", JSON schema): add fields freely, but rename or remove one
 * only with a new `version`.
 */
export const DIFF_SCHEMA = 'zfb-next-diff';
export const DIFF_SCHEMA_VERSION = 1;

/** removed ⊂ changed ⊂ any: each level also fails on everything the previous one fails on. */
export type FailOn = 'removed' | 'changed' | 'any' | 'none';
export const FAIL_ON_VALUES: readonly FailOn[] = ['removed', 'changed', 'any', 'none'];

export type DiffFormat = 'md' | 'json' | 'junit' | 'html';
export const DIFF_FORMATS: readonly DiffFormat[] = ['md', 'json', 'junit', 'html'];

export type RouteChangeKind = 'file' | 'unmatched' | 'provider';

export interface RouteRef {
  pattern: string;
  /** '' when the side does not know the source file. */
  file: string;
  origin: string;
}

export interface RouteState extends RouteRef {
  /** null: the side cannot tell. */
  providers: string[] | null;
  unmatched: Unmatched | null;
}

export interface SideSummary {
  spec: string;
  kind: SideKind;
  urls: number;
  routes: number;
  diagnostics: SideDiagnostic[];
}

export interface AddedUrl {
  url: string;
  head: RouteRef;
}

export interface RemovedUrl {
  url: string;
  base: RouteRef;
  /** The --allow glob that marks this removal as intended, or null. */
  allowedBy: string | null;
}

export interface UnchangedUrl {
  url: string;
  base: RouteRef;
  head: RouteRef;
}

export interface RouteChange {
  changes: RouteChangeKind[];
  /** How many URLs both routes serve (0 for a dynamic route that lists none on either side). */
  urls: number;
  base: RouteState;
  head: RouteState;
}

export interface TextChange {
  url: string;
  /** HTML file relative to the side's output directory, and the changed passage of its visible text. */
  base: { html: string; excerpt: string };
  head: { html: string; excerpt: string };
}

export interface DiffCounts {
  added: number;
  removed: number;
  removedAllowed: number;
  unchanged: number;
  routeChanges: number;
  fileChanged: number;
  unmatchedChanged: number;
  providerChanged: number;
  textChanged: number;
  /** Pages whose text was compared (both sides are build outputs with HTML for the URL). */
  textCompared: number;
}

export interface DiffPolicy {
  failOn: FailOn;
  allow: string[];
  /** Each --allow line, in file order, with how many removed URLs its glob matches. */
  allowMatches: Array<{ glob: string; line: number; removed: number }>;
  failures: number;
  failed: boolean;
}

export interface DiffReport {
  schema: typeof DIFF_SCHEMA;
  version: typeof DIFF_SCHEMA_VERSION;
  base: SideSummary;
  head: SideSummary;
  policy: DiffPolicy;
  counts: DiffCounts;
  added: AddedUrl[];
  removed: RemovedUrl[];
  unchanged: UnchangedUrl[];
  routeChanges: RouteChange[];
  textChanges: TextChange[];
}
