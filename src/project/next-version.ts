import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Which Next.js release's rules the model follows: the `next` installed for the project (resolved from its
 * root as Node resolves it, so a hoisted monorepo install counts), else the pinned one. Each known line
 * below was compared with the next line by diffing the published `dist` of next@13.5.11, 14.2.35,
 * 15.0.0, 15.5.29, 16.0.0, 16.2.12, 16.3.8, 16.4.6 and 16.5.0 (build/static-paths/*, build/utils.js,
 * the route sorters, build/validate-app-paths.ts, build/index.ts) and checked with real builds of each
 * known line (test/versions). A release outside the known lines gets the rules of the closest one.
 */

/** The pinned release: the rules of a project with no `next` installed. */
export const PINNED_NEXT = '16.4.6';

export interface NextRules {
  /** The release whose rules apply (the known line's checked release, e.g. '14.2.35'). */
  rules: string;
  /** The release installed for the project, or null when it has none. */
  installed: string | null;
  /**
   * getStaticPaths is called with `locales: [...(locales ?? [])]` (build/static-paths/pages.ts, 15.5+);
   * before (build/utils.js buildStaticPaths) with the config's own array, `undefined` without i18n.
   */
  copiesLocales: boolean;
  /**
   * 13.5–14.2 `buildAppStaticPaths` (build/utils.js): only the `children` branch of the loader tree feeds
   * the cascade (a parallel slot's generateStaticParams is not called); every function is called once per
   * parent params object, an empty result drops that parent (a parent returning [] means no child call at
   * all); a params object lacking a URL param is skipped on its own; a route is prerendered when its last
   * dynamic segment has a generateStaticParams; an empty-string value builds a URL the export then
   * rejects; segment config reduces top-down (the first `dynamic` wins); `"dynamicParams: true" cannot be
   * used with "output: export"` does not exist yet; a route handler without params is prerendered unless
   * it exports a method other than GET (app-route module `hasNonStaticMethods`), where 15.0+ renders it on
   * request unless it exports `dynamic = 'force-static'`. 15.5+: build/static-paths/app.ts.
   */
  legacyAppStaticPaths: boolean;
  /** generateStaticParams results are validated per call (`Expected an array…`, `Invalid value at index…`): 16.3+. */
  validatesStaticParams: boolean;
  /** output: 'export' rejects an empty or incomplete generateStaticParams result on its own: 16.3+. */
  exportChecksStaticParams: boolean;
  /** The `…is missing "generateStaticParams()"…` error ends with its "See more info here" link: 16.3+. */
  exportMissingGspLink: boolean;
  /**
   * How app routes are checked against each other: `getSortedRoutes` over pages and app routes together
   * (build/index.js routes manifest, ≤15.4), nothing at build time (15.5–16.1, `sortPages` never throws),
   * or build/validate-app-paths.ts (16.2+).
   */
  appRouteCheck: 'sorted-routes' | 'none' | 'validate-app-paths';
  /** Manifest order: the `getSortedRoutes` trie (≤15.4) or `sortPages` (sortable-routes.ts, 15.5+). */
  routeOrder: 'sorted-routes' | 'sort-pages';
  /** The sorter's `Detected a three-dot character ('…')` check: 15.0+. */
  threeDotCheck: boolean;
  /** `cacheComponents` exists in next.config: 16.0+ (15.x had `experimental.dynamicIO` / `ppr` instead). */
  cacheComponents: boolean;
  /**
   * What pages, layouts, `generateMetadata` and route handlers get as `params` (and pages as
   * `searchParams`): a plain object (≤14.2), a promise that also carries the values for reads without
   * `await` (15.x, server/request/params.ts `makeUntrackedExoticParams`), or a plain promise (16.0+, which
   * dropped those reads: `params.slug` is undefined there).
   */
  paramsAs: ParamsShape;
  /**
   * What the default export of a metadata route split by id gets (next-metadata-route-loader.ts of each
   * line): the `id` of the generateSitemaps / generateImageMetadata item it serves, as the item has it, a
   * number staying a number (≤14.2); the same for images, but a sitemap's id as the string of its URL
   * (15.x); promises of the URL's strings, and of the params (16.0+). Up to 15.x params are a plain object.
   */
  metadataArgs: 'item-ids' | 'sitemap-string-ids' | 'promises';
}

export type ParamsShape = 'object' | 'promise-with-values' | 'promise';

/** `values` in the shape a Next.js release hands them to user code (NextRules.paramsAs). */
export function paramsProp<T extends object>(values: T, shape: ParamsShape): T | Promise<T> {
  if (shape === 'object') return values;
  const promise = Promise.resolve(values);
  return shape === 'promise' ? promise : Object.assign(promise, values);
}

interface Line {
  major: number;
  minor: number;
  release: string;
}

// The lines whose rules are known, each by the release that was diffed and built.
const LINES: readonly Line[] = [
  { major: 13, minor: 5, release: '13.5.11' },
  { major: 14, minor: 2, release: '14.2.35' },
  { major: 15, minor: 5, release: '15.5.29' },
  { major: 16, minor: 4, release: '16.4.6' },
  { major: 16, minor: 5, release: '16.5.0' },
];

function rulesOf(line: Line, installed: string | null): NextRules {
  const since = (major: number, minor: number): boolean => line.major > major || (line.major === major && line.minor >= minor);
  return {
    rules: line.release,
    installed,
    copiesLocales: since(15, 5),
    legacyAppStaticPaths: !since(15, 0),
    validatesStaticParams: since(16, 3),
    exportChecksStaticParams: since(16, 3),
    exportMissingGspLink: since(16, 3),
    appRouteCheck: since(16, 2) ? 'validate-app-paths' : since(15, 5) ? 'none' : 'sorted-routes',
    routeOrder: since(15, 5) ? 'sort-pages' : 'sorted-routes',
    threeDotCheck: since(15, 0),
    cacheComponents: since(16, 0),
    paramsAs: since(16, 0) ? 'promise' : since(15, 0) ? 'promise-with-values' : 'object',
    metadataArgs: since(16, 0) ? 'promises' : since(15, 0) ? 'sitemap-string-ids' : 'item-ids',
  };
}

export interface ResolvedNextRules {
  rules: NextRules;
  /** Set when the installed release is not of a known line: which line's rules are used instead. */
  unknown?: string;
}

/** The known line of a `major.minor.patch[-pre]` version, or the closest one and a note saying so. */
export function nextRulesFor(version: string | null): ResolvedNextRules {
  if (version === null) return { rules: rulesOf(LINES.find((l) => l.release === PINNED_NEXT)!, null) };
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) {
    const pinned = LINES.find((l) => l.release === PINNED_NEXT)!;
    return { rules: rulesOf(pinned, version), unknown: `its version "${version}" cannot be read as major.minor.patch` };
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const known = LINES.find((l) => l.major === major && l.minor === minor);
  if (known) return { rules: rulesOf(known, version) };
  return { rules: rulesOf(closestLine(major, minor), version), unknown: 'its minor release line was not checked' };
}

/** The nearest minor of the same major (the older one on a tie), else the oldest or newest line. */
function closestLine(major: number, minor: number): Line {
  const sameMajor = LINES.filter((l) => l.major === major);
  if (sameMajor.length > 0) {
    return sameMajor.reduce((best, l) => (Math.abs(l.minor - minor) < Math.abs(best.minor - minor) ? l : best));
  }
  return major < LINES[0]!.major ? LINES[0]! : LINES[LINES.length - 1]!;
}

export const KNOWN_NEXT_LINES = LINES.map((l) => `${l.major}.${l.minor}`);

/** The version of the `next` package the project at `root` resolves, or null when none is installed. */
export function installedNextVersion(root: string): string | null {
  try {
    const file = createRequire(path.join(root, 'package.json')).resolve('next/package.json');
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

const PINNED_RULES = nextRulesFor(null).rules;

/** The rules of a Next.js config, the pinned release's when discovery did not set them. */
export function nextRules(config: { rules?: NextRules } | undefined): NextRules {
  return config?.rules ?? PINNED_RULES;
}
