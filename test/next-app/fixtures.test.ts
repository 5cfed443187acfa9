import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModuleSession } from '../../src/load/load-modules.js';
import type { Diagnostic, Route } from '../../src/model/types.js';
import { discoverProject } from '../../src/project/discover.js';
import { nextAppSource } from '../../src/sources/next-app.js';

/**
 * The app front-end on the conformance fixtures (what a real build cannot show: diagnostics, providers,
 * encodings). How they are compared with `next build` output:
 * - URLs: the keys of prerender-manifest `routes`, minus Next's own `/_not-found` and `/_global-error`
 *   and the intercepting routes' (`/ic/(.)photo/1`, a rewrite target, no URL), equal the union of our
 *   entries' URLs (a slot page adds no route);
 * - fallback: every `dynamicRoutes[page]` has our route with that pattern, `false` ↔ not-found,
 *   `null` ↔ blocking, a string ↔ fallback; our dynamic routes with no such entry are exactly those
 *   flagged APP_FULLY_DYNAMIC (the build's `ƒ`).
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));

async function model(fixture: string): Promise<{ routes: Route[]; diagnostics: Diagnostic[] }> {
  const project = await discoverProject(path.join(repo, 'fixtures', fixture));
  const session = new ModuleSession(project.root);
  try {
    return await nextAppSource(project, session);
  } finally {
    session.close();
  }
}

// The comparison with a real `next build` of these fixtures is test/conformance/next-build.test.ts.
describe('fixtures/next-app-cascade', () => {
  let result: { routes: Route[]; diagnostics: Diagnostic[] };
  beforeAll(async () => {
    result = await model('next-app-cascade');
  });

  it('names the incomplete params object for each route Next silently drops', () => {
    const incomplete = result.diagnostics.filter((d) => d.code === 'GSP_APP_INCOMPLETE');
    expect(incomplete.map((d) => [d.severity, d.file]).sort()).toEqual([
      ['warning', 'app/emptychild/[a]/[b]/page.jsx'],
      ['warning', 'app/incomplete/[a]/[b]/page.jsx'],
      ['warning', 'app/lay/[a]/[b]/page.jsx'],
    ]);
    const byFile = (f: string) => incomplete.find((d) => d.file === f)!.message;
    expect(byFile('app/incomplete/[a]/[b]/page.jsx')).toContain('{"a":"3"}, which has no "b"');
    expect(byFile('app/emptychild/[a]/[b]/page.jsx')).toContain('generateStaticParams in app/emptychild/[a]/[b]/page.jsx returned [] for it');
    expect(byFile('app/lay/[a]/[b]/page.jsx')).toContain('every URL of the route answers 404');
    for (const d of incomplete) expect(d.message).toContain('Next.js discards every generated URL');
  });

  it('says once why a route with a layout-only generateStaticParams is rendered on request', () => {
    const partial = result.diagnostics.filter((d) => d.file?.startsWith('app/partial/'));
    expect(partial).toEqual([
      {
        severity: 'info',
        code: 'APP_FULLY_DYNAMIC',
        file: 'app/partial/[a]/[b]/page.jsx',
        message:
          '/partial/[a]/[b] is rendered on every request (no generateStaticParams at or below its dynamic segment [b]: ' +
          'generateStaticParams in app/partial/[a]/layout.jsx provides only "a"): Next.js prerenders no URL of it, so a static build gets no page for it.',
      },
    ]);
    expect(result.routes.find((r) => r.pattern === '/partial/[a]/[b]')!.unmatched).toBe('blocking');
  });

  it('lists no intercepting route, and says which route serves its URLs', () => {
    expect(result.routes.some((r) => r.pattern.includes('(.)'))).toBe(false);
    expect(result.diagnostics.filter((d) => d.file === 'app/ic/@modal/(.)photo/[id]/page.jsx')).toEqual([
      {
        severity: 'info',
        code: 'APP_INTERCEPTING_ROUTE',
        file: 'app/ic/@modal/(.)photo/[id]/page.jsx',
        message:
          '/ic/(.)photo/[id] is an intercepting route: Next.js shows it in place of /ic/photo/[id] only on a client-side navigation from /ic, ' +
          'and has no URL for it. It is not listed; a direct request or a static build serves /ic/photo/[id].',
      },
    ]);
  });

  it('keeps one route for a page and its slot page, with both gSPs as providers, children first', () => {
    const par = result.routes.filter((r) => r.pattern === '/par/[id]');
    expect(par).toHaveLength(1);
    expect(par[0]!.file).toBe('app/par/[id]/page.jsx');
    expect(par[0]!.providers.map((p) => p.file)).toEqual(['app/par/[id]/page.jsx', 'app/par/@side/[id]/page.jsx']);
    expect(par[0]!.entries.map((e) => e.url)).toEqual(['/par/p1-s']);
  });

  it('records the cascade in provider order and the encoded form of special characters', () => {
    const blog = result.routes.find((r) => r.pattern === '/blog/[category]/[slug]')!;
    expect(blog.providers).toEqual([
      { file: 'app/blog/[category]/layout.jsx', function: 'generateStaticParams', keys: ['category'] },
      { file: 'app/blog/[category]/[slug]/page.jsx', function: 'generateStaticParams', keys: ['slug'] },
    ]);
    const special = result.routes.find((r) => r.pattern === '/special/[...parts]')!;
    expect(special.entries[0]).toEqual({
      url: '/special/a b/c%2Fd',
      encodedUrl: '/special/a%20b/c%2Fd',
      params: { parts: ['a b', 'c/d'] },
    });
    expect(result.routes.some((r) => r.file.includes('_private'))).toBe(false);
    expect(result.routes.find((r) => r.pattern === '/rh/[id]')!.kind).toBe('route-handler');
  });
});
