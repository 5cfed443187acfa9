import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNextRoutes, pagesRouteConflict, sortPagesRoutes } from '../../src/model/next-route-sorter.js';
import { nextSortableRoutes, nextSortedRoutes } from './next-oracle.js';

/** Differential tests against Next.js 16.4.6's `getSortedRoutes` and `sortPages`. */

function nextConflict(pages: readonly string[]): string | null {
  try {
    nextSortedRoutes.getSortedRoutes(pages);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// shared/lib/router/utils/sorted-routes.ts, with the exact 16.4.6 TypeScript texts.
const REFERENCE: Array<[string[], string | null]> = [
  [['/blog/[...id]/abc'], 'Catch-all must be the last part of the URL.'],
  [['/blog/[...id]/[...id2]'], 'Catch-all must be the last part of the URL.'],
  [['/blog/[…id]'], "Detected a three-dot character ('…') at ('…id'). Did you mean ('...')?"],
  [['/blog/[[...id]'], "Segment names may not start or end with extra brackets ('[...id')."],
  [['/blog/[[[...id]]'], "Segment names may not start or end with extra brackets ('[...id')."],
  [['/blog/[...id]]'], "Segment names may not start or end with extra brackets ('id]')."],
  [['/blog/[[...id]]]'], "Segment names may not start or end with extra brackets ('id]')."],
  [['/blog/[[[...id]]]'], "Segment names may not start or end with extra brackets ('[...id]')."],
  [['/blog/[....id]/abc'], "Segment names may not start with erroneous periods ('.id')."],
  [['/blog/[..id]/abc'], "Segment names may not start with erroneous periods ('..id')."],
  [['/blog/[id]', '/blog/[cid]'], "You cannot use different slug names for the same dynamic path ('id' !== 'cid')."],
  [['/blog/[id]/comments/[id]'], 'You cannot have the same slug name "id" repeat within a single dynamic path'],
  [['/blog/[id]/[...id]'], 'You cannot have the same slug name "id" repeat within a single dynamic path'],
  [
    ['/blog/[helloworld]/[hello-world]'],
    'You cannot have the slug names "helloworld" and "hello-world" differ only by non-word symbols within a single dynamic path',
  ],
  [['/[...one]', '/[[...one]]'], 'You cannot use both an required and optional catch-all route at the same level ("[...one]" and "[[...one]]" ).'],
  [['/[[...one]]', '/[...one]'], 'You cannot use both an optional and required catch-all route at the same level ("[[...one]]" and "[...one]").'],
  [['/[[blog]]'], 'Optional route parameters are not yet supported ("[[blog]]").'],
  [['/abc/[[blog]]/def'], 'Optional route parameters are not yet supported ("[[blog]]").'],
  [['/', '/[[...all]]'], 'You cannot define a route with the same specificity as a optional catch-all route ("/" and "/[[...all]]").'],
  [['/[[...all]]', '/'], 'You cannot define a route with the same specificity as a optional catch-all route ("/" and "/[[...all]]").'],
  [['/sub', '/sub/[[...all]]'], 'You cannot define a route with the same specificity as a optional catch-all route ("/sub" and "/sub[[...all]]").'],
  [['/[a]/x', '/[b]/y'], "You cannot use different slug names for the same dynamic path ('a' !== 'b')."],
  [['/[...a]', '/[...b]'], "You cannot use different slug names for the same dynamic path ('a' !== 'b')."],
  [['/[a]/x', '/[a]/y', '/[...rest]', '/x/[[...o]]'], null],
];

const TWENTY = [
  '/',
  '/apples/[ab]/[cd]/ef',
  '/blog/abc',
  '/blog/abc/post',
  '/blog/abc/[id]',
  '/blog/[id]',
  '/blog/[id]/comments/[cid]',
  '/foo/[d]/bar/baz/[f]',
  '/p/[...rest]',
  '/p1/[[...incl]]',
  '/p2/[id]',
  '/p2/[id]/abc',
  '/p2/[...rest]',
  '/p3/[id]',
  '/p3/[id]/abc',
  '/p3/[[...rest]]',
  '/posts',
  '/posts/[id]',
  '/[root-slug]',
  '/[...rest]',
];

describe('pagesRouteConflict against getSortedRoutes', () => {
  for (const [pages, message] of REFERENCE) {
    it(`${pages.join(' + ')}`, () => {
      expect(pagesRouteConflict(pages)).toBe(message);
      expect(nextConflict(pages)).toBe(message);
    });
  }

  it('sorts the 20-route unit-test set like Next', () => {
    const shuffled = [...TWENTY].reverse();
    expect(sortPagesRoutes(shuffled)).toEqual(TWENTY);
    expect(nextSortedRoutes.getSortedRoutes(shuffled)).toEqual(TWENTY);
  });

  const part = fc.constantFrom(
    'a', 'b', 'blog', 'x', '[id]', '[slug]', '[cid]', '[a]', '[b]', '[...rest]', '[...id]', '[...a]', '[[...opt]]', '[[...id]]',
    '[[blog]]', '[…id]', '[..id]', '[....id]', '[[...id]', '[...id]]', '[hello-world]', '[helloworld]', '[a-b]', '[ab]',
  );
  const routeSet = fc.array(
    fc.array(part, { maxLength: 4 }).map((parts) => '/' + parts.join('/')),
    { minLength: 1, maxLength: 6 },
  );

  it('gives the same first error (or none) and the same order on generated route sets', () => {
    let conflicts = 0;
    let clean = 0;
    fc.assert(
      fc.property(routeSet, (pages) => {
        const expected = nextConflict(pages);
        expect(pagesRouteConflict(pages)).toBe(expected);
        if (expected === null) {
          clean++;
          expect(sortPagesRoutes(pages)).toEqual(nextSortedRoutes.getSortedRoutes(pages));
        } else conflicts++;
      }),
      { numRuns: 4000 },
    );
    expect(conflicts).toBeGreaterThan(200);
    expect(clean).toBeGreaterThan(200);
  });
});

describe('compareNextRoutes against sortPages / compareRouteSegments', () => {
  it('orders the reference examples like sortPages', () => {
    for (const pages of [TWENTY, ['/[[...one]]', '/[...one]'], ['/blog/[id]', '/blog/[cid]'], ['/(.)x/[id]', '/a/[[...b]]', '/a/b', '/a']]) {
      const shuffled = [...pages].reverse();
      expect([...shuffled].sort(compareNextRoutes)).toEqual(nextSortableRoutes.sortPages(shuffled));
    }
    expect([...TWENTY].reverse().sort(compareNextRoutes)).toEqual(TWENTY);
  });

  const part = fc.oneof(
    fc.constantFrom('a', 'B', 'é', 'blog', '[id]', '[slug]', '[...rest]', '[[...opt]]', '[x', 'x]', '(.)p', '[[blog]]', '10', '9'),
    fc.string({ maxLength: 3 }),
  );
  const route = fc.array(part, { maxLength: 4 }).map((parts) => '/' + parts.join('/'));

  it('compares generated pairs with the same sign and sorts generated lists the same way', () => {
    fc.assert(
      fc.property(route, route, (a, b) => {
        expect(Math.sign(compareNextRoutes(a, b))).toBe(Math.sign(nextSortableRoutes.compareRouteSegments(a, b)));
      }),
      { numRuns: 4000 },
    );
    fc.assert(
      fc.property(fc.array(route, { maxLength: 12 }), (routes) => {
        expect([...routes].sort(compareNextRoutes)).toEqual(nextSortableRoutes.sortPages(routes));
      }),
      { numRuns: 1000 },
    );
  });
});
