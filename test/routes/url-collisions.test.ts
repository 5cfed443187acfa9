import { describe, expect, it } from 'vitest';
import type { Origin, Route } from '../../src/model/types.js';
import { findUrlCollisions } from '../../src/routes/url-collisions.js';

function route(file: string, pattern: string, origin: Origin, urls: string[]): Route {
  return { pattern, segments: [], file, origin, kind: 'page', providers: [], unmatched: 'not-found', entries: urls.map((url) => ({ url, params: {} })) } as Route;
}

describe('findUrlCollisions', () => {
  it('compares pages-router URLs case-insensitively and names both files in Next.js words', () => {
    const diagnostics = findUrlCollisions([
      route('pages/[a].js', '/[a]', 'next-pages', ['/Hello', '/other']),
      route('pages/hello.js', '/hello', 'next-pages', ['/hello']),
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'URL_COLLISION',
        file: 'pages/hello.js',
        message:
          'Conflicting paths returned from getStaticPaths, paths must be unique per page.\n' +
          'See more info here: https://nextjs.org/docs/messages/conflicting-ssg-paths\n\n' +
          'path: "/hello" conflicts with path: "/Hello" from page: "/[a]" \n' +
          '(pages/hello.js and pages/[a].js)',
      },
    ]);
  });

  it('keeps /A and /a apart outside the pages router', () => {
    expect(
      findUrlCollisions([
        route('app/[a]/page.tsx', '/[a]', 'next-app', ['/A']),
        route('pages/a.tsx', '/a', 'zfb', ['/a']),
      ]),
    ).toEqual([]);
  });

  it('takes a URL one route lists twice for one page, in any case', () => {
    expect(findUrlCollisions([route('pages/[a].js', '/[a]', 'next-pages', ['/x', '/x', '/X'])])).toEqual([]);
    expect(findUrlCollisions([route('app/[a]/page.tsx', '/[a]', 'next-app', ['/x', '/x', '/X'])])).toEqual([]);
  });

  it('reports a colliding URL once, however often the second route lists it', () => {
    const diagnostics = findUrlCollisions([
      route('app/[a]/page.tsx', '/[a]', 'next-app', ['/x']),
      route('pages/x.tsx', '/x', 'zfb', ['/x', '/x']),
      route('pages/[b].tsx', '/[b]', 'zfb', ['/y', '/x']),
    ]);
    expect(diagnostics.map((d) => d.file)).toEqual(['pages/x.tsx', 'pages/[b].tsx']);
    expect(diagnostics[0]!.message).toBe(
      'Two routes produce the URL "/x": app/[a]/page.tsx (next-app) and pages/x.tsx (zfb). Only one of them can be served; remove the URL from one route.',
    );
  });
});
