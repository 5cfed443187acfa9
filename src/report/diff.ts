import { readFile } from 'node:fs/promises';
import { compareCodeUnits } from './canonical-url.js';
import { fileInside } from './files.js';
import {
  DIFF_SCHEMA,
  DIFF_SCHEMA_VERSION,
  type AddedUrl,
  type DiffReport,
  type FailOn,
  type RemovedUrl,
  type RouteChange,
  type RouteChangeKind,
  type RouteRef,
  type RouteState,
  type SideSummary,
  type TextChange,
  type UnchangedUrl,
} from './diff-report.js';
import { allowMatcher, allowMatches, countFailures, type AllowRule } from './policy.js';
import type { Side, SideRoute } from './side.js';
import { changeExcerpt, visibleText } from './visible-text.js';

export interface DiffOptions {
  failOn?: FailOn;
  /** URL globs of intended removals (already parsed from the --allow file). */
  allow?: readonly AllowRule[];
}

/**
 * Compares two sides URL by URL (canonical form, see canonical-url.ts), then route by route for the URLs
 * both serve, then page text where both sides have the HTML. Everything is sorted by code units, so the
 * same inputs give byte-identical reports.
 */
export async function diffSides(base: Side, head: Side, options: DiffOptions = {}): Promise<DiffReport> {
  const failOn = options.failOn ?? 'removed';
  const rules = options.allow ?? [];
  const allow = rules.map((rule) => rule.glob);
  const allowedBy = allowMatcher(allow);
  const baseRefs = new RefCache();
  const headRefs = new RefCache();

  const added: AddedUrl[] = [];
  const removed: RemovedUrl[] = [];
  const unchanged: UnchangedUrl[] = [];
  const pairs = new Map<SideRoute, Map<SideRoute, number>>();
  const textCandidates: string[] = [];

  // One sort of the base URLs gives removed and unchanged in order; added URLs are few and sorted apart.
  for (const url of [...base.urls.keys()].sort()) {
    const b = base.urls.get(url)!;
    const h = head.urls.get(url);
    if (!h) {
      removed.push({ url, base: baseRefs.ref(b), allowedBy: allowedBy(url) });
      continue;
    }
    unchanged.push({ url, base: baseRefs.ref(b), head: headRefs.ref(h) });
    let byHead = pairs.get(b);
    if (!byHead) pairs.set(b, (byHead = new Map()));
    byHead.set(h, (byHead.get(h) ?? 0) + 1);
    if (base.html.has(url) && head.html.has(url)) textCandidates.push(url);
  }
  for (const [url, h] of head.urls) {
    if (!base.urls.has(url)) added.push({ url, head: headRefs.ref(h) });
  }
  added.sort(byUrl);

  const routeChanges = compareRoutes(base, head, pairs);
  const textChanges = await compareTexts(base, head, textCandidates);
  textChanges.sort(byUrl);

  const counts = {
    added: added.length,
    removed: removed.length,
    removedAllowed: removed.filter((r) => r.allowedBy !== null).length,
    unchanged: unchanged.length,
    routeChanges: routeChanges.length,
    fileChanged: routeChanges.filter((c) => c.changes.includes('file')).length,
    unmatchedChanged: routeChanges.filter((c) => c.changes.includes('unmatched')).length,
    providerChanged: routeChanges.filter((c) => c.changes.includes('provider')).length,
    textChanged: textChanges.length,
    textCompared: textCandidates.length,
  };
  const failures = countFailures(counts, failOn);
  return {
    schema: DIFF_SCHEMA,
    version: DIFF_SCHEMA_VERSION,
    base: summary(base),
    head: summary(head),
    policy: { failOn, allow, failures, failed: failures > 0, allowMatches: allowMatches(rules, removed.map((r) => r.url)) },
    counts,
    added,
    removed,
    unchanged,
    routeChanges,
    textChanges,
  };
}

function byUrl(a: { url: string }, b: { url: string }): number {
  return compareCodeUnits(a.url, b.url);
}

/** One RouteRef object per route, so 100,000 URLs of one route share it. */
class RefCache {
  private readonly refs = new Map<SideRoute, RouteRef>();
  ref(route: SideRoute): RouteRef {
    let ref = this.refs.get(route);
    if (!ref) this.refs.set(route, (ref = { pattern: route.pattern, file: route.file, origin: route.origin }));
    return ref;
  }
}

function summary(side: Side): SideSummary {
  const diagnostics = [...side.diagnostics].sort(
    (a, b) =>
      compareCodeUnits(a.severity, b.severity) ||
      compareCodeUnits(a.file ?? '', b.file ?? '') ||
      compareCodeUnits(a.code, b.code) ||
      compareCodeUnits(a.message, b.message),
  );
  return { spec: side.spec, kind: side.kind, urls: side.urls.size, routes: side.routes.length, diagnostics };
}

/**
 * Routes are paired through the URLs they share; routes that share none (a dynamic route listing no URL
 * on either side) are paired by pattern, so a fallback change on an empty route is still seen.
 */
function compareRoutes(base: Side, head: Side, pairs: Map<SideRoute, Map<SideRoute, number>>): RouteChange[] {
  const all: Array<[SideRoute, SideRoute, number]> = [];
  const pairedHeads = new Set<SideRoute>();
  for (const [b, byHead] of pairs) {
    for (const [h, urls] of byHead) {
      all.push([b, h, urls]);
      pairedHeads.add(h);
    }
  }
  const unpairedHeads = new Map<string, SideRoute>();
  for (const h of head.routes) if (!pairedHeads.has(h) && !unpairedHeads.has(h.pattern)) unpairedHeads.set(h.pattern, h);
  for (const b of base.routes) {
    if (pairs.has(b)) continue;
    const h = unpairedHeads.get(b.pattern);
    if (h) all.push([b, h, 0]);
  }

  const changes: RouteChange[] = [];
  for (const [b, h, urls] of all) {
    const kinds = changeKinds(b, h);
    if (kinds.length > 0) changes.push({ changes: kinds, urls, base: state(b), head: state(h) });
  }
  return changes.sort(
    (x, y) =>
      compareCodeUnits(x.base.pattern, y.base.pattern) ||
      compareCodeUnits(x.base.file, y.base.file) ||
      compareCodeUnits(x.head.pattern, y.head.pattern) ||
      compareCodeUnits(x.head.file, y.head.file),
  );
}

/** Only what both sides know is compared: an export tree without its build knows no source file. */
function changeKinds(b: SideRoute, h: SideRoute): RouteChangeKind[] {
  const kinds: RouteChangeKind[] = [];
  if (b.file && h.file && b.file !== h.file) kinds.push('file');
  if (b.unmatched !== null && h.unmatched !== null && b.unmatched !== h.unmatched) kinds.push('unmatched');
  if (b.providers !== null && h.providers !== null && b.providers.join('+') !== h.providers.join('+')) {
    kinds.push('provider');
  }
  return kinds;
}

function state(route: SideRoute): RouteState {
  return {
    pattern: route.pattern,
    file: route.file,
    origin: route.origin,
    providers: route.providers,
    unmatched: route.unmatched,
  };
}

const TEXT_READ_CONCURRENCY = 16;

async function compareTexts(base: Side, head: Side, urls: string[]): Promise<TextChange[]> {
  if (!base.htmlRoot || !head.htmlRoot || urls.length === 0) return [];
  const changes: TextChange[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const b = base.html.get(url)!;
      const h = head.html.get(url)!;
      const [baseText, headText] = await Promise.all([
        readText(base.htmlRoot!, b),
        readText(head.htmlRoot!, h),
      ]);
      if (baseText === undefined || headText === undefined || baseText === headText) continue;
      const excerpt = changeExcerpt(baseText, headText);
      changes.push({ url, base: { html: b, excerpt: excerpt.base }, head: { html: h, excerpt: excerpt.head } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(TEXT_READ_CONCURRENCY, urls.length) }, worker));
  return changes;
}

/** The visible text of an HTML file of a side; undefined for a path that is no file inside the side's folder. */
async function readText(root: string, file: string): Promise<string | undefined> {
  const inside = fileInside(root, file);
  return inside === undefined ? undefined : visibleText(await readFile(inside, 'utf8'));
}
