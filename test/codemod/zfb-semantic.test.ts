import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import appToZfb from '../../codemods/app-to-zfb/index.js';
import pagesToZfb from '../../codemods/pages-to-zfb/index.js';
import type { Transform } from '../../codemods/_shared/types.js';
import zfbToApp from '../../codemods/zfb-to-app/index.js';
import zfbToPages from '../../codemods/zfb-to-pages/index.js';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { routeOrigins, routeSummary, type RouteSummary } from '../helpers/route-summary.js';
import { linkNodeModules, ZFB_CONFIG, zfbBuildSync } from '../helpers/engines.js';

/**
 * The zfb codemods change no URL: for each fixture project the route model (URLs and what happens to unlisted
 * URLs) of the migrated copy equals the original's, with the real modules executed by the model; round trips
 * through zfb come back with the same URLs; and the real `zfb build` of a migrated copy writes exactly the
 * URLs the model predicts.
 */

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const WORK = path.join(REPO, '.work', 'codemod-zfb', 'semantic');

const APP_PAGE = /(?:^|\/)app\/(?:.*\/)?page\.(?:tsx|ts|jsx|js)$/;

function copyFixture(fixture: string, variant: string): string {
  const dir = path.join(WORK, `${fixture}-${variant}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(REPO, 'fixtures', fixture), dir, { recursive: true });
  linkNodeModules(dir);
  return dir;
}

function projectFiles(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) projectFiles(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** What the CLI runner does, minus git and atomic writes: every file the transform accepts, moves applied. */
function applyTransform(dir: string, transform: Transform, accepts: (file: string) => boolean): { changed: string[]; markers: string[] } {
  const read = (file: string) => {
    const full = path.join(dir, file);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  const changed: string[] = [];
  const markers: string[] = [];
  for (const file of projectFiles(dir)) {
    if (!accepts(file)) continue;
    const result = transform({ path: file, source: read(file)!, readFile: read });
    markers.push(...result.markers.map((m) => `${file}: ${m.reason}`));
    if (result.source === null) continue;
    changed.push(file);
    const target = result.outputPath ?? file;
    if (target !== file) rmSync(path.join(dir, file));
    mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
    writeFileSync(path.join(dir, target), result.source);
  }
  return { changed, markers };
}

const inPages = (file: string) => file.startsWith('pages/');
const isAppPage = (file: string) => APP_PAGE.test(file);


const PAGES_ROUTES: RouteSummary[] = [
  { pattern: '/', unmatched: 'not-found', urls: ['/'] },
  { pattern: '/blog/[slug]', unmatched: 'not-found', urls: ['/blog/hello', '/blog/second-post', '/blog/third'] },
  { pattern: '/docs/[[...slug]]', unmatched: 'not-found', urls: ['/docs', '/docs/guide', '/docs/guide/install'] },
  { pattern: '/tags/[tag]', unmatched: 'not-found', urls: ['/tags/intro', '/tags/news'] },
];

const APP_ROUTES: RouteSummary[] = [
  { pattern: '/', unmatched: 'not-found', urls: ['/'] },
  {
    pattern: '/blog/[category]/[slug]',
    unmatched: 'not-found',
    urls: ['/blog/news/news-1', '/blog/news/news-2', '/blog/tech/tech-1', '/blog/tech/tech-2'],
  },
  { pattern: '/docs/[...slug]', unmatched: 'not-found', urls: ['/docs/api', '/docs/guide', '/docs/guide/install'] },
];

/** A zfb-only copy of a migrated project (pages/ plus the modules it imports), built by the real zfb. */
function zfbBuild(migrated: string, name: string): { code: number | null; stderr: string; urls: string[]; dir: string } {
  const dir = path.join(WORK, `zfb-build-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(migrated)) {
    if (['node_modules', 'next.config.js', 'package.json', 'dist'].includes(entry)) continue;
    cpSync(path.join(migrated, entry), path.join(dir, entry), { recursive: true });
  }
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'zfb.config.json'), JSON.stringify(ZFB_CONFIG));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact', module: 'ESNext', moduleResolution: 'Bundler', strict: false } }),
  );
  const run = zfbBuildSync(dir);
  const manifest = path.join(dir, 'dist', '__zfb', 'routes.json');
  const urls = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { routes: { url: string }[] }).routes.map((r) => r.url).sort()
    : [];
  return { code: run.status, stderr: run.stderr, urls, dir };
}

const allUrls = (routes: RouteSummary[]) => routes.flatMap((r) => r.urls).sort();

describe('pages-to-zfb keeps every URL', () => {
  it('the input model is what the fixture says (the baseline is real)', async () => {
    const dir = copyFixture('codemod-zfb-pages', 'input');
    expect(routeSummary(await buildRouteModel(dir))).toEqual(PAGES_ROUTES);
  });

  it('the migrated project has the same routes, now served by zfb paths()', async () => {
    const dir = copyFixture('codemod-zfb-pages', 'zfb');
    const { changed } = applyTransform(dir, pagesToZfb, inPages);
    expect(changed).toEqual(['pages/blog/[slug].tsx', 'pages/docs/[[...slug]].tsx', 'pages/tags/[tag].jsx']);
    expect(existsSync(path.join(dir, 'pages/tags/[tag].tsx'))).toBe(true);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(PAGES_ROUTES);
    expect(routeOrigins(model)).toMatchObject({ '/blog/[slug]': 'zfb', '/docs/[[...slug]]': 'zfb', '/tags/[tag]': 'zfb' });
  });

  it('pages → zfb → pages comes back with the same URLs from getStaticPaths', async () => {
    const dir = copyFixture('codemod-zfb-pages', 'round-trip');
    applyTransform(dir, pagesToZfb, inPages);
    const { changed } = applyTransform(dir, zfbToPages, inPages);
    expect(changed).toEqual(['pages/blog/[slug].tsx', 'pages/docs/[[...slug]].tsx', 'pages/tags/[tag].tsx']);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(PAGES_ROUTES);
    expect(new Set(Object.values(routeOrigins(model)))).toEqual(new Set(['next-pages']));
  });

  it('the real zfb build of the migrated pages writes exactly the URLs the model predicts', async () => {
    const migrated = copyFixture('codemod-zfb-pages', 'for-build');
    applyTransform(migrated, pagesToZfb, inPages);
    const build = zfbBuild(migrated, 'pages');
    expect(build.stderr).not.toContain('⚠ skipping');
    expect(build.code).toBe(0);
    expect(build.urls).toEqual(allUrls(PAGES_ROUTES));
    expect(allUrls(routeSummary(await buildRouteModel(build.dir)))).toEqual(build.urls);
    // zfb spreads the props paths() computed from getStaticProps into the component.
    expect(readFileSync(path.join(build.dir, 'dist/tags/news/index.html'), 'utf8')).toContain('news: 2');
    expect(readFileSync(path.join(build.dir, 'dist/docs/guide/install/index.html'), 'utf8')).toContain('docs:guide/install');
  });
});

describe('app-to-zfb flattens the cascade without losing a URL', () => {
  it('the input model is what the fixture says (the baseline is real)', async () => {
    const dir = copyFixture('codemod-zfb-app', 'input');
    expect(routeSummary(await buildRouteModel(dir))).toEqual(APP_ROUTES);
  });

  it('the migrated project has the same routes, served by zfb paths() at pages/<route>.tsx', async () => {
    const dir = copyFixture('codemod-zfb-app', 'zfb');
    const { changed } = applyTransform(dir, appToZfb, isAppPage);
    expect(changed).toEqual(['app/(docs)/docs/[...slug]/page.tsx', 'app/blog/[category]/[slug]/page.tsx', 'app/page.tsx']);
    expect(projectFiles(path.join(dir, 'pages'))).toEqual(['blog/[category]/[slug].tsx', 'docs/[...slug].tsx', 'index.tsx']);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(APP_ROUTES);
    expect(routeOrigins(model)).toMatchObject({ '/blog/[category]/[slug]': 'zfb', '/docs/[...slug]': 'zfb' });
  });

  it('app → zfb → app comes back with the same URLs from generateStaticParams', async () => {
    const dir = copyFixture('codemod-zfb-app', 'round-trip');
    applyTransform(dir, appToZfb, isAppPage);
    const { changed } = applyTransform(dir, zfbToApp, inPages);
    expect(changed).toEqual(['pages/blog/[category]/[slug].tsx', 'pages/docs/[...slug].tsx', 'pages/index.tsx']);
    const model = await buildRouteModel(dir);
    expect(routeSummary(model)).toEqual(APP_ROUTES);
    expect(new Set(Object.values(routeOrigins(model)))).toEqual(new Set(['next-app']));
  });

  it('the real zfb build of the migrated app pages writes exactly the URLs the model predicts', async () => {
    const migrated = copyFixture('codemod-zfb-app', 'for-build');
    applyTransform(migrated, appToZfb, isAppPage);
    const build = zfbBuild(migrated, 'app');
    expect(build.stderr).not.toContain('⚠ skipping');
    expect(build.code).toBe(0);
    expect(build.urls).toEqual(allUrls(APP_ROUTES));
    expect(allUrls(routeSummary(await buildRouteModel(build.dir)))).toEqual(build.urls);
    // `await params` became the plain object zfb passes: the page rendered its params.
    expect(readFileSync(path.join(build.dir, 'dist/blog/news/news-2/index.html'), 'utf8')).toContain('<h1>news/news-2</h1>');
  });
});
