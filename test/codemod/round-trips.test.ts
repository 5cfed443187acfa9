import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markersIn } from '../../codemods/_shared/marker.js';
import { runCodemod } from '../../src/codemod/run.js';
import { ModuleSession } from '../../src/load/load-modules.js';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { listFiles } from '../helpers/files.js';
import { copyFixture, FIXTURES, nextBuild, readJson } from '../helpers/engines.js';
import { routeSummary } from '../helpers/route-summary.js';

/**
 * Round trips out of the app router and back: app → zfb → app and app → pages → app. The way out flattens the
 * layouts' generateStaticParams cascade into the page; the way back splits it again, so the project returns
 * to what it was: the same route model (URLs, unlisted URLs, and which function gives which keys), layouts
 * untouched, and each page's generateStaticParams giving only its own keys, called once per parent params
 * set by Next as before. The codemods run through the CLI runner (copies live inside the repository, whose
 * tree other work keeps dirty, hence `force`).
 */

const AREA = 'codemod/round-trips';

const isLayout = (file: string) => /^app\/(?:.*\/)?layout\.[jt]sx?$/.test(file);

/** Per route, who gives which keys; the page's own file is named `<page>` (a route group may not come back). */
function providers(model: RouteModel): Record<string, { file: string; function: string; keys: string[] }[]> {
  return Object.fromEntries(
    model.routes.map((route) => [route.pattern, route.providers.map((p) => ({ ...p, file: p.file === route.file ? '<page>' : p.file }))]),
  );
}

async function migrate(dir: string, name: string, target: string) {
  const summary = await runCodemod({ name, paths: [target], cwd: dir, force: true });
  expect(summary.counts.failed).toBe(0);
  return summary;
}

/** The page's generateStaticParams, as Next calls it for one parent params set. */
async function ownParams(dir: string, page: string, parent: Record<string, unknown>): Promise<unknown> {
  const session = new ModuleSession(dir);
  try {
    const file = path.join(dir, page);
    const loaded = (await session.load([file])).get(file)!;
    if (!loaded.ok) throw new Error(loaded.error.message);
    const generate = loaded.module.generateStaticParams as (input: { params: Record<string, unknown> }) => unknown;
    return await session.run(async () => generate({ params: parent }));
  } finally {
    session.close();
  }
}

const BLOG_PAGE = 'app/blog/[category]/[slug]/page.tsx';

/** The start of app-to-zfb's marker on a page Next rendered inside layouts with UI; the layouts follow. */
const LAYOUTS_MARKER = '/* @zfb-next-todo: Next rendered this page inside';

describe('app → zfb → app gives each layout its part of the cascade back', () => {
  const fixture = 'codemod-zfb-app';

  it('the route model, the layouts and the page’s own keys come back', async () => {
    const original = copyFixture(fixture, `${AREA}/zfb-original`);
    const before = await buildRouteModel(original);
    // The baseline is a real cascade: the layout gives `category`, the page only `slug`.
    expect(providers(before)['/blog/[category]/[slug]']).toEqual([
      { file: 'app/blog/[category]/layout.tsx', function: 'generateStaticParams', keys: ['category'] },
      { file: '<page>', function: 'generateStaticParams', keys: ['slug'] },
    ]);

    const dir = copyFixture(fixture, `${AREA}/zfb`);
    await migrate(dir, 'app-to-zfb', 'app');
    // On zfb the page runs the whole cascade itself, importing the layout's function.
    const zfbPage = readFileSync(path.join(dir, 'pages/blog/[category]/[slug].tsx'), 'utf8');
    expect(zfbPage).toContain("from '../../../app/blog/[category]/layout'");
    // zfb has no layouts, so the way out marks the pages Next rendered inside layouts with UI.
    expect(zfbPage).toContain(`${LAYOUTS_MARKER} app/layout.tsx, app/blog/[category]/layout.tsx;`);
    expect(readFileSync(path.join(dir, 'pages/docs/[...slug].tsx'), 'utf8')).toContain(`${LAYOUTS_MARKER} app/layout.tsx;`);
    const back = await migrate(dir, 'zfb-to-app', 'pages');
    expect(back.counts.marked).toBe(0);

    const after = await buildRouteModel(dir);
    expect(routeSummary(after)).toEqual(routeSummary(before));
    expect(providers(after)).toEqual(providers(before));
    for (const file of listFiles(original).filter(isLayout)) {
      expect({ file, text: readFileSync(path.join(dir, file), 'utf8') }).toEqual({ file, text: readFileSync(path.join(FIXTURES, fixture, file), 'utf8') });
    }
    const page = readFileSync(path.join(dir, BLOG_PAGE), 'utf8');
    expect(page).not.toMatch(/from '[^']*layout'/);
    expect(page).not.toContain('cascade');
    // Back in the app router the layouts (still in app/) wrap the pages again: their markers are gone, as is
    // every other marker of the way out.
    for (const file of [BLOG_PAGE, 'app/docs/[...slug]/page.tsx']) {
      expect({ file, markers: markersIn(readFileSync(path.join(dir, file), 'utf8')) }).toEqual({ file, markers: [] });
    }
    expect(await ownParams(dir, BLOG_PAGE, { category: 'news' })).toEqual([{ slug: 'news-1' }, { slug: 'news-2' }]);
  });

  it('the real next build of the round-tripped project prerenders the URLs of the original', async () => {
    const original = copyFixture(fixture, `${AREA}/zfb-build-original`);
    const expected = routeSummary(await buildRouteModel(original));
    const dir = copyFixture(fixture, `${AREA}/zfb-build`);
    await migrate(dir, 'app-to-zfb', 'app');
    await migrate(dir, 'zfb-to-app', 'pages');
    const build = await nextBuild(dir);
    expect(build.stderr + build.stdout).not.toMatch(/Failed to collect page data|Build error occurred|Type error/);
    expect(build.code).toBe(0);
    const manifest = readJson<{ routes: Record<string, { srcRoute: string | null }> }>(path.join(dir, '.next', 'prerender-manifest.json'));
    for (const route of expected.filter((r) => r.pattern.includes('['))) {
      const built = Object.entries(manifest.routes)
        .filter(([, r]) => r.srcRoute === route.pattern)
        .map(([url]) => url)
        .sort();
      expect({ pattern: route.pattern, urls: built }).toEqual({ pattern: route.pattern, urls: route.urls });
    }
    // The zfb component renders the params Next passes.
    expect(readFileSync(path.join(dir, '.next/server/app/blog/news/news-2.html'), 'utf8')).toContain('news<!-- -->/<!-- -->news-2');
  });
});

describe('app → pages → app gives each layout its part of the cascade back', () => {
  const fixture = 'codemod-next-app';

  it('the route model, the layouts and the page’s own keys come back', async () => {
    const original = copyFixture(fixture, `${AREA}/pages-original`);
    const before = await buildRouteModel(original);
    expect(providers(before)['/blog/[category]/[slug]']).toEqual([
      { file: 'app/blog/[category]/layout.tsx', function: 'generateStaticParams', keys: ['category'] },
      { file: '<page>', function: 'generateStaticParams', keys: ['slug'] },
    ]);

    const dir = copyFixture(fixture, `${AREA}/pages`);
    await migrate(dir, 'app-to-pages', 'app');
    const pagesPage = readFileSync(path.join(dir, 'pages/blog/[category]/[slug].tsx'), 'utf8');
    expect(pagesPage).toContain("from '../../../app/blog/[category]/layout'");
    await migrate(dir, 'pages-to-app', 'pages');
    expect(listFiles(path.join(dir, 'pages'))).toEqual([]);

    const after = await buildRouteModel(dir);
    expect(routeSummary(after)).toEqual(routeSummary(before));
    expect(providers(after)).toEqual(providers(before));
    for (const file of listFiles(original).filter(isLayout)) {
      expect({ file, text: readFileSync(path.join(dir, file), 'utf8') }).toEqual({ file, text: readFileSync(path.join(FIXTURES, fixture, file), 'utf8') });
    }
    const page = readFileSync(path.join(dir, BLOG_PAGE), 'utf8');
    expect(page).not.toMatch(/from '[^']*layout'/);
    expect(page).not.toContain('generateAllParams');
    expect(page).not.toContain('@zfb-next-todo');
    expect(await ownParams(dir, BLOG_PAGE, { category: 'tech' })).toEqual([{ slug: 'tech-1' }, { slug: 'tech-2' }]);
  });
});
