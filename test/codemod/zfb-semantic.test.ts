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

describe('pages-to-zfb moves an i18n project under pages/[locale]/', () => {
  const FIXTURE = 'codemod-zfb-pages-i18n';

  /** The runner's own steps: the project's i18n config, then every page file the transform accepts. */
  async function migrateWithI18n(dir: string): Promise<Map<string, string[]>> {
    const { discoverProject } = await import('../../src/project/discover.js');
    const i18n = (await discoverProject(dir)).next?.i18n;
    expect(i18n).toEqual({ locales: ['en', 'fr', 'de'], defaultLocale: 'en' });
    const markers = new Map<string, string[]>();
    for (const file of projectFiles(path.join(dir, 'pages')).map((f) => `pages/${f}`)) {
      const result = pagesToZfb({ path: file, source: readFileSync(path.join(dir, file), 'utf8'), i18n, readFile: () => undefined });
      if (result.source === null) continue;
      markers.set(file, result.markers.map((m) => m.reason));
      rmSync(path.join(dir, file));
      mkdirSync(path.dirname(path.join(dir, result.outputPath ?? file)), { recursive: true });
      writeFileSync(path.join(dir, result.outputPath ?? file), result.source);
    }
    return markers;
  }

  /** `next start` on a built copy: the status and text of each path, fetched with the given headers. */
  async function nextServe(dir: string, paths: string[], headers: Record<string, string> = {}): Promise<Map<string, { status: number; location: string | null; text: string }>> {
    const { spawn } = await import('node:child_process');
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const server = spawn(process.execPath, [path.join(REPO, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        try {
          await fetch(`${base}/en`);
          break;
        } catch (error) {
          if (i > 100) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const answers = new Map<string, { status: number; location: string | null; text: string }>();
      for (const p of paths) {
        const response = await fetch(base + p, { redirect: 'manual', headers });
        const text = (await response.text()).replace(/<!-- -->/g, '');
        answers.set(p, { status: response.status, location: response.headers.get('location'), text: /<main[^>]*>|<(?:p|h1)>[^<]*<\/(?:p|h1)>/.exec(text)?.[0] ?? '' });
      }
      return answers;
    } finally {
      server.kill();
    }
  }

  const withoutPrefix = (url: string) => url.replace(/^\/en(?=\/|$)/, '') || '/';

  it('zfb builds every URL of the model, each locale under its prefix; Next also served the default locale unprefixed, as the marker says', async () => {
    const original = copyFixture(FIXTURE, 'input');
    const model = await buildRouteModel(original);
    const entries = model.routes.flatMap((r) => r.entries);
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(entries.map((e) => `${e.locale} ${e.url}`).sort()).toEqual([
      'de /de', 'de /de/about', 'de /de/blog/hallo', 'de /de/blog/shared', 'de /de/docs', 'de /de/docs/guide/install',
      'en /en', 'en /en/about', 'en /en/blog/hello', 'en /en/blog/only-default', 'en /en/blog/shared', 'en /en/docs', 'en /en/docs/guide/install',
      'fr /fr', 'fr /fr/about', 'fr /fr/blog/bonjour', 'fr /fr/blog/shared', 'fr /fr/docs', 'fr /fr/docs/guide/install',
    ]);

    const migrated = copyFixture(FIXTURE, 'zfb');
    const markers = await migrateWithI18n(migrated);
    expect(projectFiles(path.join(migrated, 'pages'))).toEqual(['[locale]/about.tsx', '[locale]/blog/[slug].tsx', '[locale]/docs/[[...slug]].tsx', '[locale]/index.tsx']);
    expect(markers.get('pages/blog/[slug].tsx')).toEqual([
      "Next also served the default locale 'en' without its prefix, at /blog/[slug] beside /en/blog/[slug]; zfb builds only /en/blog/[slug], so /blog/[slug] now gets a 404 unless your host redirects it (e.g. public/_redirects)",
    ]);
    expect(markers.get('pages/index.tsx')).toEqual([
      "Next also served the default locale 'en' without its prefix, at / beside /en; zfb builds only /en, so / now gets a 404 unless your host redirects it (e.g. public/_redirects)",
      'Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); zfb writes static files and detects no locale: link to each locale from a page of your own',
    ]);
    const build = zfbBuild(migrated, 'pages-i18n');
    expect(build.stderr).not.toContain('⚠ skipping');
    expect(build.code).toBe(0);

    // Every other locale: exactly the model's URLs.
    const foreign = (urls: string[]) => urls.filter((u) => !/^\/en(?:\/|$)/.test(u)).sort();
    expect(foreign(build.urls)).toEqual(entries.filter((e) => e.locale !== 'en').map((e) => e.url).sort());
    expect(foreign(build.urls)).toHaveLength(12);
    // The default locale: zfb builds the model's prefixed URLs, and no unprefixed one.
    const defaults = entries.filter((e) => e.locale === 'en').map((e) => e.url).sort();
    expect(build.urls.filter((u) => /^\/en(?:\/|$)/.test(u))).toEqual(defaults);
    for (const url of defaults.map(withoutPrefix)) expect(build.urls).not.toContain(url);
    expect(existsSync(path.join(build.dir, 'dist/index.html'))).toBe(false);
    expect(existsSync(path.join(build.dir, 'dist/blog/hello/index.html'))).toBe(false);
    // getStaticProps got each entry's locale and Next's params (without the locale).
    expect(readFileSync(path.join(build.dir, 'dist/de/blog/shared/index.html'), 'utf8')).toBe('<p>de:shared:slug</p>');
    expect(readFileSync(path.join(build.dir, 'dist/fr/index.html'), 'utf8')).toBe('<h1>Bonjour</h1>');
    expect(readFileSync(path.join(build.dir, 'dist/de/about/index.html'), 'utf8')).toBe('<p>about:de:other</p>');

    // What the marker says Next did: the real next server answers each default-locale URL unprefixed too, with
    // the same page, and redirects / by Accept-Language (only /).
    const nextCopy = copyFixture(FIXTURE, 'next');
    const { nextBuild } = await import('../helpers/engines.js');
    const built = await nextBuild(nextCopy);
    expect(built.code, built.stderr).toBe(0);
    const served = await nextServe(nextCopy, [...defaults, ...defaults.map(withoutPrefix), '/blog/bonjour', '/de/blog/shared']);
    // getStaticProps got the locale beside its params, not in them.
    expect(served.get('/de/blog/shared')!.text).toBe('<p>de:shared:slug</p>');
    for (const url of defaults) {
      const unprefixed = served.get(withoutPrefix(url))!;
      expect(unprefixed.status, url).toBe(200);
      expect(unprefixed.text, url).toBe(served.get(url)!.text);
      expect(unprefixed.text, url).not.toBe('');
    }
    expect(served.get('/blog/bonjour')!.status).toBe(404);
    const detected = await nextServe(nextCopy, ['/', '/about'], { 'accept-language': 'fr' });
    expect(detected.get('/')).toMatchObject({ status: 307, location: '/fr' });
    expect(detected.get('/about')!.status).toBe(200);
  });
});

describe('app-to-zfb hoists a nested async component into the page', () => {
  const FIXTURE = 'codemod-zfb-app-hoist';
  const PAGE = 'app/posts/[slug]/page.tsx';
  const ROUTES: RouteSummary[] = [{ pattern: '/posts/[slug]', unmatched: 'not-found', urls: ['/posts/hello', '/posts/world'] }];

  it('zfb writes the data the nested component awaited; left unhoisted, preact renders none of it', async () => {
    const original = copyFixture(FIXTURE, 'input');
    expect(routeSummary(await buildRouteModel(original))).toEqual(ROUTES);

    const migrated = copyFixture(FIXTURE, 'zfb');
    const { changed, markers } = applyTransform(migrated, appToZfb, isAppPage);
    expect(changed).toEqual([PAGE]);
    expect(markers.filter((m) => m.includes('async component'))).toEqual([]);
    const page = readFileSync(path.join(migrated, 'pages/posts/[slug].tsx'), 'utf8');
    expect(page).toContain('const comments = await getComments(slug);');
    expect(page).toContain('<Comments slug={slug} comments={comments} />');
    expect(page).not.toMatch(/async function Comments/);
    expect(routeSummary(await buildRouteModel(migrated))).toEqual(ROUTES);

    const build = zfbBuild(migrated, 'app-hoist');
    expect(build.stderr).not.toContain('⚠ skipping');
    expect(build.code).toBe(0);
    expect(build.urls).toEqual(allUrls(ROUTES));
    const hello = readFileSync(path.join(build.dir, 'dist/posts/hello/index.html'), 'utf8');
    expect(hello).toContain('<h1>hello</h1><ul><li>first on hello</li><li>second on hello</li></ul>');
    expect(readFileSync(path.join(build.dir, 'dist/posts/world/index.html'), 'utf8')).toContain('<ul><li>only on world</li></ul>');

    // The control: the same component rendered where the hoist refuses (inside a callback) stays async and
    // marked, and zfb's preact renderer writes nothing for it, without a warning.
    const control = copyFixture(FIXTURE, 'control');
    const file = path.join(control, PAGE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<Comments slug={slug} />', '{[slug].map((s) => <Comments key={s} slug={s} />)}'));
    const refused = applyTransform(control, appToZfb, isAppPage);
    expect(refused.markers.filter((m) => m.includes('async component'))).toEqual([
      `${PAGE}: <Comments> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is rendered inside a callback (such as .map()), once per call: await its data in the page (or paths() props) and pass it down`,
    ]);
    const unhoisted = zfbBuild(control, 'app-hoist-control');
    expect(unhoisted.code).toBe(0);
    expect(unhoisted.stderr).not.toContain('⚠');
    expect(unhoisted.urls).toEqual(allUrls(ROUTES));
    const bare = readFileSync(path.join(unhoisted.dir, 'dist/posts/hello/index.html'), 'utf8');
    expect(bare).toContain('<h1>hello</h1>');
    expect(bare).not.toContain('first on hello');
  });
});
