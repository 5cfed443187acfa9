import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appPathsError } from '../../src/model/validate-app-paths.js';
import { nextValidateAppPaths } from './next-oracle.js';

/** Differential: our `validateAppPaths` against next@16.4.6 `build/validate-app-paths.js`. */

const cases: { paths: string[]; message?: string }[] = [
  { paths: ['/blog/[id]', '/blog/[slug]'], message: 'Ambiguous app routes detected:\n\nAmbiguous route pattern "/blog/[*]" matches multiple routes:\n  - /blog/[id]\n  - /blog/[slug]\n\nThese routes cannot be distinguished from each other when matching URLs. Please ensure that dynamic segments have unique patterns or use different static segments.' },
  { paths: ['/[...a]', '/[...b]'] },
  { paths: ['/sub', '/sub/[[...all]]'], message: 'You cannot define a route with the same specificity as an optional catch-all route ("/sub" and "/sub/[[...all]]").' },
  { paths: ['/', '/[[...all]]'], message: 'You cannot define a route with the same specificity as an optional catch-all route ("/" and "/[[...all]]").' },
  { paths: ['/[a]/x', '/[b]/y'] },
  { paths: ['/[...one]', '/[[...one]]'] },
  { paths: ['/blog/[...id]/[...id2]'] },
  { paths: ['/blog/[]'], message: 'Parameter names cannot be empty in route "/blog/[]".' },
  { paths: ['/blog/[…id]'] },
  { paths: ['/[[blog]]'], message: 'Optional route parameters are not yet supported ("[[blog]]") in route "/[[blog]]".' },
  { paths: ['/blog/[[[...id]]'] },
  { paths: ['/blog/[...id]]'] },
  { paths: ['/blog/[....id]/abc'] },
  { paths: ['/blog/[id]/comments/[id]'] },
  { paths: ['/blog/[helloworld]/[hello-world]'] },
  { paths: ['/blog/[...id]/abc'], message: 'Catch-all must be the last part of the URL in route "/blog/[...id]/abc".' },
  { paths: ['/blog/[[...id]]/abc'] },
  { paths: ['/x/[...a]/[[...b]]'] },
  { paths: ['/ic/(.)photo/[id]', '/ic/photo/[id]'] },
  { paths: ['/[id]/(..)x/[id]'] },
  { paths: ['/a/(.)[x]', '/a/(.)[y]'] },
  { paths: ['/a/%5Bid%5D', '/a/[x]'] },
  { paths: ['/a/(.)b/(.)c'] },
];

describe('validateAppPaths: the cases of build/validate-app-paths.ts', () => {
  for (const { paths, message } of cases) {
    it(paths.join(' + '), () => {
      const ours = appPathsError(paths);
      expect(ours).toBe(nextValidateAppPaths(paths));
      if (message) expect(ours).toBe(message);
    });
  }
});

describe('validateAppPaths: generated route sets', () => {
  const segment = fc.constantFrom(
    'a', 'b', '(.)a', '(..)b', '(...)c', '[x]', '[y]', '[x-y]', '[xy]', '[...x]', '[...y]', '[[...x]]', '[[...z]]',
    '(.)[x]', '(..)[...y]', '[]', '[…x]', '[[x]]', '[.x]', '[[[...x]]', '[x]]',
  );
  const route = fc.array(segment, { maxLength: 3 }).map((parts) => '/' + parts.join('/'));
  it('same first error (or none) as next@16.4.6', () => {
    fc.assert(
      fc.property(fc.uniqueArray(route, { minLength: 1, maxLength: 5 }), (paths) => {
        expect(appPathsError(paths)).toBe(nextValidateAppPaths(paths));
      }),
      { numRuns: 3000 },
    );
  });
});
