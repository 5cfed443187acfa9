import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleSession } from '../../src/load/load-modules.js';
import type { Project } from '../../src/project/types.js';
import { zfbRouteFromModule, zfbSource } from '../../src/sources/zfb.js';

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'zfb-source-')));
const session = new ModuleSession(root);
afterAll(() => {
  session.close();
  rmSync(root, { recursive: true, force: true });
});

const project: Project = { root, kind: 'mixed', pagesDir: path.join(root, 'pages'), pagesEngine: 'next' };
const segments = [
  { kind: 'static', value: 'blog' },
  { kind: 'dynamic', name: 'slug' },
] as const;

describe('zfbRouteFromModule (a zfb paths() page inside a Next.js pages/)', () => {
  const call = (module: Record<string, unknown>) =>
    zfbRouteFromModule({
      project,
      session,
      file: path.join(root, 'pages/blog/[slug].tsx'),
      relative: 'pages/blog/[slug].tsx',
      segments: [...segments],
      module,
    });

  it('one zfb route with raw URLs, props and a paths provider', async () => {
    const result = await call({ paths: async () => [{ params: { slug: 'a b' }, props: { n: 1 } }] });
    expect(result.diagnostics).toEqual([]);
    expect(result.routes).toEqual([
      {
        pattern: '/blog/[slug]',
        segments,
        file: 'pages/blog/[slug].tsx',
        origin: 'zfb',
        kind: 'page',
        providers: [{ file: 'pages/blog/[slug].tsx', function: 'paths', keys: ['slug'] }],
        unmatched: 'not-found',
        entries: [{ url: '/blog/a b', params: { slug: 'a b' }, props: { n: 1 } }],
      },
    ]);
  });

  it('runs paths() with the project root as cwd', async () => {
    const result = await call({ paths: () => [{ params: { slug: path.basename(process.cwd()) } }] });
    expect(result.routes[0]!.entries[0]!.url).toBe(`/blog/${path.basename(root)}`);
  });

  it('a throwing paths(): the route stays, with no entries, and an error naming it', async () => {
    const result = await call({
      paths: () => {
        throw new Error('no data');
      },
    });
    expect(result.routes).toHaveLength(1);
    expect(result.routes[0]!.entries).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', code: 'ZFB_PATHS_THREW', file: 'pages/blog/[slug].tsx', function: 'paths' });
    expect(result.diagnostics[0]!.message).toContain('paths() of /blog/:slug threw: no data');
  });

  it('validation failures are reported as in a zfb project', async () => {
    const result = await call({ paths: () => [{ params: { slug: 'a' } }, { params: { slug: 'a' } }] });
    expect(result.routes[0]!.entries).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['ZFB_PATHS_DUPLICATE_URL', 'ZFB_ROUTE_SKIPPED']);
  });
});

describe('zfbSource edges', () => {
  it('a dynamic .mdx page: zfb runs its paths(), we cannot, and say so', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = path.join(root, 'mdx-project');
    mkdirSync(path.join(dir, 'pages', 'm'), { recursive: true });
    writeFileSync(path.join(dir, 'pages', 'm', '[slug].mdx'), 'export function paths() { return [{ params: { slug: "one" } }]; }\n\n# Hi\n');
    const mdxSession = new ModuleSession(dir);
    try {
      const result = await zfbSource({ root: dir, kind: 'zfb', pagesDir: path.join(dir, 'pages') }, mdxSession);
      expect(result.routes.map((r) => [r.file, r.entries])).toEqual([['pages/m/[slug].mdx', []]]);
      expect(result.diagnostics).toMatchObject([{ severity: 'warning', code: 'ZFB_MDX_PATHS_NOT_RUN', file: 'pages/m/[slug].mdx', function: 'paths' }]);
    } finally {
      mdxSession.close();
    }
  });

  it('a project without pages/: zfb own wording', async () => {
    const result = await zfbSource({ root, kind: 'zfb' }, session);
    expect(result.routes).toEqual([]);
    expect(result.diagnostics[0]!.message).toBe(`no \`pages/\` directory found in ${root}; run \`zfb build\` from a project root`);
  });
});
