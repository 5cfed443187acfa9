/**
 * Next.js 16.4.6's two route orderings: shared/lib/router/utils/sorted-routes.ts (`getSortedRoutes`) and
 * sortable-routes.ts (`sortPages`).
 *
 * `pagesRouteConflict` is the conflict check of `getSortedRoutes` (shared/lib/router/utils/sorted-routes.ts),
 * which `next build` runs over every pages-router route while writing the client build manifest: the
 * first error it throws fails the build. The messages are the TypeScript build's own, typos included
 * ("an required", the space before `)`, the missing `/` in `"/sub[[...all]]"`), not the Rust port's.
 *
 * `compareNextRoutes` is `compareRouteSegments` (sortable-routes.ts), the order of `sortPages` and of the
 * routes-manifest: segment by segment, left to right,
 *   1. a route that ends first is more specific;
 *   2. static < `[x]` < `[...x]` < `[[...x]]`;
 *   3. same kind: `localeCompare` of the segment text, for determinism.
 */

class UrlNode {
  constructor(readonly threeDotCheck = true) {}
  placeholder = true;
  children = new Map<string, UrlNode>();
  slugName: string | null = null;
  restSlugName: string | null = null;
  optionalRestSlugName: string | null = null;

  insert(urlPath: string): void {
    this.insertParts(urlPath.split('/').filter(Boolean), [], false);
  }

  // `_smoosh` in Next: it orders the trie, and the optional catch-all specificity error is raised here.
  smoosh(prefix = '/'): string[] {
    const childrenPaths = [...this.children.keys()].sort();
    if (this.slugName !== null) childrenPaths.splice(childrenPaths.indexOf('[]'), 1);
    if (this.restSlugName !== null) childrenPaths.splice(childrenPaths.indexOf('[...]'), 1);
    if (this.optionalRestSlugName !== null) childrenPaths.splice(childrenPaths.indexOf('[[...]]'), 1);

    const routes = childrenPaths.flatMap((c) => this.children.get(c)!.smoosh(`${prefix}${c}/`));
    if (this.slugName !== null) routes.push(...this.children.get('[]')!.smoosh(`${prefix}[${this.slugName}]/`));
    if (!this.placeholder) {
      const r = prefix === '/' ? '/' : prefix.slice(0, -1);
      if (this.optionalRestSlugName != null) {
        throw new Error(
          `You cannot define a route with the same specificity as a optional catch-all route ("${r}" and "${r}[[...${this.optionalRestSlugName}]]").`,
        );
      }
      routes.unshift(r);
    }
    if (this.restSlugName !== null) {
      routes.push(...this.children.get('[...]')!.smoosh(`${prefix}[...${this.restSlugName}]/`));
    }
    if (this.optionalRestSlugName !== null) {
      routes.push(...this.children.get('[[...]]')!.smoosh(`${prefix}[[...${this.optionalRestSlugName}]]/`));
    }
    return routes;
  }

  private insertParts(urlPaths: string[], slugNames: string[], isCatchAll: boolean): void {
    if (urlPaths.length === 0) {
      this.placeholder = false;
      return;
    }
    if (isCatchAll) throw new Error(`Catch-all must be the last part of the URL.`);

    let nextSegment = urlPaths[0]!;
    if (nextSegment.startsWith('[') && nextSegment.endsWith(']')) {
      let segmentName = nextSegment.slice(1, -1);
      let isOptional = false;
      if (segmentName.startsWith('[') && segmentName.endsWith(']')) {
        segmentName = segmentName.slice(1, -1);
        isOptional = true;
      }
      if (this.threeDotCheck && segmentName.startsWith('…')) {
        throw new Error(`Detected a three-dot character ('…') at ('${segmentName}'). Did you mean ('...')?`);
      }
      if (segmentName.startsWith('...')) {
        segmentName = segmentName.substring(3);
        isCatchAll = true;
      }
      if (segmentName.startsWith('[') || segmentName.endsWith(']')) {
        throw new Error(`Segment names may not start or end with extra brackets ('${segmentName}').`);
      }
      if (segmentName.startsWith('.')) {
        throw new Error(`Segment names may not start with erroneous periods ('${segmentName}').`);
      }

      const rawSegment = nextSegment;
      const handleSlug = (previousSlug: string | null, nextSlug: string): void => {
        // One dynamic name per trie level: pages/[post]/a.js and pages/[id]/b.js cannot both exist.
        if (previousSlug !== null && previousSlug !== nextSlug) {
          throw new Error(`You cannot use different slug names for the same dynamic path ('${previousSlug}' !== '${nextSlug}').`);
        }
        for (const slug of slugNames) {
          if (slug === nextSlug) {
            throw new Error(`You cannot have the same slug name "${nextSlug}" repeat within a single dynamic path`);
          }
          // Next compares the earlier slug with the *raw* segment (brackets and dots included), not the name.
          if (slug.replace(/\W/g, '') === rawSegment.replace(/\W/g, '')) {
            throw new Error(
              `You cannot have the slug names "${slug}" and "${nextSlug}" differ only by non-word symbols within a single dynamic path`,
            );
          }
        }
        slugNames.push(nextSlug);
      };

      if (isCatchAll) {
        if (isOptional) {
          if (this.restSlugName != null) {
            throw new Error(
              `You cannot use both an required and optional catch-all route at the same level ("[...${this.restSlugName}]" and "${urlPaths[0]}" ).`,
            );
          }
          handleSlug(this.optionalRestSlugName, segmentName);
          this.optionalRestSlugName = segmentName;
          nextSegment = '[[...]]';
        } else {
          if (this.optionalRestSlugName != null) {
            throw new Error(
              `You cannot use both an optional and required catch-all route at the same level ("[[...${this.optionalRestSlugName}]]" and "${urlPaths[0]}").`,
            );
          }
          handleSlug(this.restSlugName, segmentName);
          this.restSlugName = segmentName;
          nextSegment = '[...]';
        }
      } else {
        if (isOptional) throw new Error(`Optional route parameters are not yet supported ("${urlPaths[0]}").`);
        handleSlug(this.slugName, segmentName);
        this.slugName = segmentName;
        nextSegment = '[]';
      }
    }

    if (!this.children.has(nextSegment)) this.children.set(nextSegment, new UrlNode(this.threeDotCheck));
    this.children.get(nextSegment)!.insertParts(urlPaths.slice(1), slugNames, isCatchAll);
  }
}

/**
 * `getSortedRoutes` over the pages-router route names ('/blog/[slug]'); the order it would produce.
 * `threeDotCheck`: the `'…'` check, new in next@15.0.
 */
export function sortPagesRoutes(pages: readonly string[], { threeDotCheck = true } = {}): string[] {
  const root = new UrlNode(threeDotCheck);
  for (const page of pages) root.insert(page);
  return root.smoosh();
}

/** The error message `next build` fails with for this set of pages-router routes, or null when it accepts them. */
export function pagesRouteConflict(pages: readonly string[], options: { threeDotCheck?: boolean } = {}): string | null {
  try {
    sortPagesRoutes(pages, options);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** sortable-routes.ts `getSegmentSpecificity`: 0 static, 1 `[x]`, 2 `[...x]`, 3 `[[...x]]`. */
export function segmentSpecificity(segment: string): number {
  if (!segment.includes('[')) return 0;
  if (segment.startsWith('[[...') && segment.endsWith(']]')) return 3;
  if (segment.startsWith('[...') && segment.endsWith(']')) return 2;
  if (segment.startsWith('[') && segment.endsWith(']')) return 1;
  return 0;
}

/** sortable-routes.ts `compareRouteSegments` over route patterns ('/blog/[slug]'); use with Array.sort. */
export function compareNextRoutes(a: string, b: string): number {
  const segmentsA = a.split('/').filter(Boolean);
  const segmentsB = b.split('/').filter(Boolean);
  const maxLength = Math.max(segmentsA.length, segmentsB.length);
  for (let i = 0; i < maxLength; i++) {
    const segA = segmentsA[i] || '';
    const segB = segmentsB[i] || '';
    if (!segA && segB) return -1;
    if (segA && !segB) return 1;
    if (!segA && !segB) return 0;
    const specificityA = segmentSpecificity(segA);
    const specificityB = segmentSpecificity(segB);
    if (specificityA !== specificityB) return specificityA - specificityB;
    if (segA !== segB) return segA.localeCompare(segB);
  }
  return 0;
}

/**
 * Routes in the order the installed Next.js writes its manifests: `sortPages` (15.5+), or the
 * `getSortedRoutes` trie before (JS string order of static segments, so `/Zeta/[id]` before `/alpha/[id]`;
 * a real next@14.2.35 build's routes-manifest shows it). Equal patterns keep file order.
 */
export function sortNextRoutes<T extends { pattern: string; file: string }>(routes: readonly T[], rules: { routeOrder: 'sorted-routes' | 'sort-pages' }): T[] {
  const byFile = (a: T, b: T): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  if (rules.routeOrder === 'sorted-routes') {
    let order: string[] | undefined;
    try {
      order = sortPagesRoutes([...new Set(routes.map((r) => r.pattern))]);
    } catch {
      // A set the trie rejects fails the build; the diagnostics say so, and sortPages gives a stable order.
    }
    if (order) {
      const rank = new Map(order.map((p, i) => [p, i]));
      return [...routes].sort((a, b) => rank.get(a.pattern)! - rank.get(b.pattern)! || byFile(a, b));
    }
  }
  return [...routes].sort((a, b) => compareNextRoutes(a.pattern, b.pattern) || byFile(a, b));
}
