import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run.js';
import { listFiles } from '../helpers/files.js';
import { copyFixture, nextBuild, readJson, REPO_ROOT, ZFB_CONFIG, ZFB_TSCONFIG, zfbBuild, type EngineRun } from '../helpers/engines.js';

/**
 * The codemods against the real engines, for what only a real build (or server) shows: fallback 'blocking'
 * and true, getStaticProps `notFound: true` for listed entries, and a `redirect`. Each side is what `next build`
 * / `next start` / `zfb build` really did with the original project and with the migrated one; nothing here is
 * a hand-written guess of what an engine would do. Where the target cannot carry a behaviour, the difference
 * asserted is the one the transform's own marker (read from the output file) describes.
 */

const AREA = 'codemod/engine-semantics';
const FIXTURE = 'codemod-next-semantics';
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/next/dist/bin/next');

interface PrerenderManifest {
  routes: Record<string, { srcRoute: string | null; dataRoute: string | null; initialRevalidateSeconds: number | false }>;
  dynamicRoutes: Record<string, { fallback: string | false | null }>;
  notFoundRoutes: string[];
}

/** What one real `next build` recorded, read once so later requests to a server cannot change it. */
interface NextBuildRecord {
  dir: string;
  manifest: PrerenderManifest;
  /** Concrete URL → the status the build stored for it (pages: notFoundRoutes; app: the page's .meta file). */
  status: Record<string, number>;
  /** Prerendered HTML, by URL (the pages router's fallback shell keeps its `[param]` name). */
  html: Record<string, string>;
}

// Next's own entries, present in every build of one router and absent from the other's.
const NEXT_INTERNAL = new Set(['/404', '/500', '/_not-found', '/_global-error']);

function readNextBuild(dir: string): NextBuildRecord {
  const next = path.join(dir, '.next');
  const manifest = readJson<PrerenderManifest>(path.join(next, 'prerender-manifest.json'));
  const html: Record<string, string> = {};
  for (const router of ['pages', 'app']) {
    const root = path.join(next, 'server', router);
    for (const file of listFiles(root, { all: true }).filter((f) => f.endsWith('.html'))) {
      const url = `/${file.slice(0, -'.html'.length)}`.replace(/\/index$/, '') || '/';
      if (!NEXT_INTERNAL.has(url)) html[url] = readFileSync(path.join(root, file), 'utf8');
    }
  }
  const status: Record<string, number> = {};
  for (const url of Object.keys(manifest.routes)) {
    if (NEXT_INTERNAL.has(url)) continue;
    const meta = path.join(next, 'server', 'app', `${url}.meta`);
    const stored = existsSync(meta) ? readJson<{ status?: number }>(meta).status : undefined;
    status[url] = manifest.notFoundRoutes.includes(url) ? 404 : (stored ?? 200);
  }
  return { dir, manifest, status, html };
}

async function buildNext(dir: string): Promise<NextBuildRecord> {
  const run = await nextBuild(dir);
  assertBuilt(run, dir);
  return readNextBuild(dir);
}

function assertBuilt(run: EngineRun, dir: string): void {
  const log = run.stdout + run.stderr;
  if (run.code !== 0 || /Failed to collect page data|Build error occurred/.test(log)) {
    throw new Error(`the build of ${path.relative(REPO_ROOT, dir)} failed (exit ${run.code}):\n${log}`);
  }
}

/** URL → the route it came from; a page without params is its own route in both routers. */
function routesOf(build: NextBuildRecord): Record<string, string> {
  return Object.fromEntries(
    Object.entries(build.manifest.routes)
      .filter(([url]) => !NEXT_INTERNAL.has(url))
      .map(([url, r]) => [url, r.srcRoute ?? url]),
  );
}

function fallbacksOf(build: NextBuildRecord): Record<string, string | false | null> {
  return Object.fromEntries(Object.entries(build.manifest.dynamicRoutes).map(([route, r]) => [route, r.fallback]));
}

const answering = (status: Record<string, number>, code: number) =>
  Object.keys(status)
    .filter((url) => status[url] === code)
    .sort();

/** The text a page shows, without the comment nodes React puts between adjacent text parts. */
function shownText(html: string): string[] {
  const body = html.replace(/<!-- -->/g, '');
  return [...body.matchAll(/<(h1|p)>([^<]*)<\/\1>/g)].map((m) => m[2]!);
}

function markersIn(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\/\* @zfb-next-todo: ([\s\S]*?) \*\//g)].map((m) => m[1]!);
}

async function migrate(dir: string, name: string, target: string) {
  const result = await runCodemod({ name, paths: [target], cwd: dir, force: true });
  expect(result.counts.failed).toBe(0);
  return result;
}

// ---------- a real `next start`, for what the build leaves to request time ----------

interface NextServer {
  get(url: string): Promise<{ status: number; location: string | null; text: string[] }>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function nextStart(dir: string): Promise<NextServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`next start exited with ${code}:\n${log}`));
    });
  });
  return {
    async get(url) {
      const response = await fetch(`http://127.0.0.1:${port}${url}`, { redirect: 'manual' });
      // The app router's first, on-demand render of a redirect sends `location` twice with the same value
      // (fetch joins them with ', '); a cached answer sends it once. What a client follows is the value.
      const location = response.headers.get('location');
      const distinct = location === null ? null : [...new Set(location.split(', '))].join(', ');
      return { status: response.status, location: distinct, text: shownText(await response.text()) };
    },
    async stop() {
      // The server was started in its own process group: end that group, and only it.
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

// ---------- pages router source: pages-to-app and pages-to-zfb ----------

describe('pages-to-app and pages-to-zfb against the real engines (fallback, notFound, redirect)', () => {
  let original: NextBuildRecord;
  let app: NextBuildRecord;
  let appDir: string;
  let zfbDir: string;
  let zfbRun: EngineRun;
  const served: Record<'original' | 'app', Record<string, Awaited<ReturnType<NextServer['get']>>>> = { original: {}, app: {} };
  // Listed URLs, URLs getStaticProps answers with notFound/redirect, and unlisted URLs of each fallback mode.
  const PROBES = ['/posts/live', '/posts/draft', '/posts/unlisted', '/blocking/alpha', '/blocking/gamma', '/fallback/alpha', '/fallback/gamma', '/moved/new', '/moved/old'];

  beforeAll(async () => {
    const originalDir = copyFixture(FIXTURE, `${AREA}/original`);
    appDir = copyFixture(FIXTURE, `${AREA}/app`);
    zfbDir = copyFixture(FIXTURE, `${AREA}/zfb`);
    const toApp = await migrate(appDir, 'pages-to-app', 'pages');
    expect(toApp.counts.changed).toBe(4);
    const toZfb = await migrate(zfbDir, 'pages-to-zfb', 'pages');
    expect(toZfb.counts.changed).toBe(4);
    writeFileSync(path.join(zfbDir, 'zfb.config.json'), JSON.stringify(ZFB_CONFIG));
    writeFileSync(path.join(zfbDir, 'tsconfig.json'), JSON.stringify(ZFB_TSCONFIG));
    zfbRun = await zfbBuild(zfbDir);
    // Both Next builds at once: they share nothing but the machine.
    [original, app] = await Promise.all([buildNext(originalDir), buildNext(appDir)]);
    for (const [side, build] of [['original', original], ['app', app]] as const) {
      const server = await nextStart(build.dir);
      try {
        for (const url of PROBES) served[side][url] = await server.get(url);
      } finally {
        await server.stop();
      }
    }
  });

  describe('next build: pages source vs pages-to-app output', () => {
    it('prerenders the same URLs, each from the same route', () => {
      expect(routesOf(app)).toEqual(routesOf(original));
      expect(Object.keys(routesOf(original)).sort()).toEqual([
        '/blocking/alpha',
        '/blocking/beta',
        '/fallback/alpha',
        '/fallback/beta',
        '/moved/new',
        '/posts/draft',
        '/posts/live',
        '/posts/retired',
      ]);
    });

    it('notFound: true for listed entries: the same URLs are recorded as 404 (pages: notFoundRoutes; app: notFound() stored with status 404)', () => {
      expect(original.manifest.notFoundRoutes.sort()).toEqual(['/posts/draft', '/posts/retired']);
      expect(app.status).toEqual(original.status);
      expect(answering(app.status, 404)).toEqual(['/posts/draft', '/posts/retired']);
      for (const side of [original, app]) {
        expect(Object.values(side.manifest.routes).every((r) => r.initialRevalidateSeconds === false)).toBe(true);
      }
    });

    it('writes the same page HTML for every URL that answers 200, showing the same text', () => {
      const pages = (build: NextBuildRecord) => Object.keys(build.html).filter((url) => !url.includes('['));
      expect(pages(original).sort()).toEqual(answering(original.status, 200));
      // The app router also stores the 404 body it prerendered for a notFound() page; the pages router writes
      // no file for one. Both answer 404 (the test above).
      expect(pages(app).sort()).toEqual(Object.keys(routesOf(original)).sort());
      for (const url of answering(original.status, 200)) {
        expect({ url, text: shownText(app.html[url]!) }).toEqual({ url, text: shownText(original.html[url]!) });
      }
      expect(shownText(original.html['/posts/live']!)).toEqual(['Live post']);
    });

    it("fallback false and 'blocking' keep their unmatched behaviour (dynamicRoutes fallback false / null)", () => {
      const before = fallbacksOf(original);
      const after = fallbacksOf(app);
      expect(before).toMatchObject({ '/posts/[slug]': false, '/blocking/[id]': null, '/moved/[slug]': null });
      for (const route of ['/posts/[slug]', '/blocking/[id]', '/moved/[slug]']) {
        expect({ route, fallback: after[route] }).toEqual({ route, fallback: before[route] });
      }
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    });

    it('fallback: true becomes exactly what its marker says: no fallback page, unlisted URLs rendered like blocking', () => {
      const markers = markersIn(path.join(appDir, 'app/fallback/[id]/page.tsx'));
      expect(markers).toHaveLength(1);
      expect(markers[0]).toContain('fallback: true has no app-router equivalent');
      expect(markers[0]).toContain('unlisted URLs are now rendered on their first request without a fallback page');
      expect(markers[0]).toContain("like fallback: 'blocking'");
      // Before: a prerendered fallback shell, named in the manifest. After: no shell, the blocking value.
      expect(original.manifest.dynamicRoutes['/fallback/[id]']!.fallback).toBe('/fallback/[id].html');
      expect(shownText(original.html['/fallback/[id]']!)).toEqual(['loading']);
      expect(app.manifest.dynamicRoutes['/fallback/[id]']!.fallback).toBe(app.manifest.dynamicRoutes['/blocking/[id]']!.fallback);
      expect(app.manifest.dynamicRoutes['/fallback/[id]']!.fallback).toBeNull();
      expect(Object.keys(app.html).filter((url) => url.includes('['))).toEqual([]);
      // At request time: the source answers an unlisted id with the fallback page (no props yet), the app
      // output renders it at once, exactly as both answer an unlisted id of the blocking route.
      expect(served.original['/fallback/gamma']).toEqual({ status: 200, location: null, text: ['loading'] });
      expect(served.app['/fallback/gamma']).toEqual({ status: 200, location: null, text: ['fallback:gamma'] });
      expect(served.original['/blocking/gamma']).toEqual({ status: 200, location: null, text: ['blocking:gamma'] });
      expect(served.app['/blocking/gamma']).toEqual(served.original['/blocking/gamma']);
    });

    it('redirect: the URL Next leaves to request time answers the same permanent redirect (getStaticProps redirect → permanentRedirect())', () => {
      const page = readFileSync(path.join(appDir, 'app/moved/[slug]/page.tsx'), 'utf8');
      expect(page).toContain('permanentRedirect(`/moved/${target}`)');
      // Neither build records /moved/old: Next refuses a redirect for a prerendered path, so it is unlisted.
      expect(routesOf(original)['/moved/old']).toBeUndefined();
      expect(routesOf(app)['/moved/old']).toBeUndefined();
      expect(served.original['/moved/old']).toEqual({ status: 308, location: '/moved/new', text: [] });
      expect(served.app['/moved/old']).toEqual(served.original['/moved/old']);
    });

    it('answers every probed URL alike, except the unlisted id of the fallback: true route', () => {
      for (const url of PROBES.filter((u) => u !== '/fallback/gamma')) {
        expect({ url, ...served.app[url] }).toEqual({ url, ...served.original[url] });
      }
      expect(served.original['/posts/draft']!.status).toBe(404);
      expect(served.original['/posts/unlisted']!.status).toBe(404);
      expect(served.original['/posts/live']).toEqual({ status: 200, location: null, text: ['Live post'] });
    });
  });

  describe('zfb build of the pages-to-zfb output vs next build of the source', () => {
    interface ZfbRoute {
      url: string;
      output: string;
      source: string;
    }
    let zfbRoutes: ZfbRoute[];
    beforeAll(() => {
      zfbRoutes = readJson<{ routes: ZfbRoute[] }>(path.join(zfbDir, 'dist/__zfb/routes.json')).routes;
    });

    it('builds without skipping a route', () => {
      expect(zfbRun.code).toBe(0);
      expect(zfbRun.stderr).not.toContain('⚠ skipping');
    });

    it('writes exactly the URLs the source build answers with 200, from the same page files', () => {
      const next = answering(original.status, 200);
      expect(zfbRoutes.map((r) => r.url).sort()).toEqual(next);
      const srcRoute = routesOf(original);
      for (const route of zfbRoutes) {
        expect({ url: route.url, source: route.source }).toEqual({ url: route.url, source: `pages${srcRoute[route.url]}.tsx` });
      }
      const html = listFiles(path.join(zfbDir, 'dist'), { all: true }).filter((f) => f.endsWith('.html'));
      expect(html.sort()).toEqual(zfbRoutes.map((r) => r.output).sort());
    });

    it('each page shows the text the source build rendered for it (props from getStaticProps)', () => {
      for (const route of zfbRoutes) {
        const built = readFileSync(path.join(zfbDir, 'dist', route.output), 'utf8');
        expect({ url: route.url, text: shownText(built) }).toEqual({ url: route.url, text: shownText(original.html[route.url]!) });
      }
    });

    it('notFound: true entries are left out, as the source build recorded them 404', () => {
      expect(markersIn(path.join(zfbDir, 'pages/posts/[slug].tsx'))).toEqual([]);
      const urls = zfbRoutes.map((r) => r.url);
      for (const url of original.manifest.notFoundRoutes) {
        expect(urls).not.toContain(url);
        expect(existsSync(path.join(zfbDir, 'dist', url.slice(1)))).toBe(false);
      }
      expect(original.manifest.notFoundRoutes).toHaveLength(2);
    });

    it("fallback 'blocking' and true: only the listed URLs, as the markers say (the others now get a 404)", () => {
      for (const [file, mode] of [
        ['pages/blocking/[id].tsx', "fallback: 'blocking'"],
        ['pages/fallback/[id].tsx', 'fallback: true'],
      ] as const) {
        const markers = markersIn(path.join(zfbDir, file));
        expect(markers).toHaveLength(1);
        expect(markers[0]).toContain(mode);
        expect(markers[0]).toContain('zfb builds only the URLs paths() lists, the others now get a 404');
      }
      for (const route of ['/blocking/[id]', '/fallback/[id]']) {
        const listed = Object.entries(routesOf(original))
          .filter(([, src]) => src === route)
          .map(([url]) => url)
          .sort();
        const built = zfbRoutes.filter((r) => r.source === `pages${route}.tsx`).map((r) => r.url).sort();
        expect({ route, built }).toEqual({ route, built: listed });
      }
      // What the source served beyond its list, zfb has no file for.
      expect(served.original['/blocking/gamma']!.status).toBe(200);
      expect(existsSync(path.join(zfbDir, 'dist/blocking/gamma'))).toBe(false);
      expect(existsSync(path.join(zfbDir, 'dist/fallback/gamma'))).toBe(false);
    });

    it('redirect: the URL is not built, as its marker says; the source answered it with a 308', () => {
      const markers = markersIn(path.join(zfbDir, 'pages/moved/[slug].tsx'));
      expect(markers).toHaveLength(2);
      expect(markers).toContain("fallback: 'blocking' rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404");
      expect(markers.find((m) => m.startsWith('redirect:'))).toContain('zfb writes no redirects, so this URL is not built');
      expect(zfbRoutes.map((r) => r.url)).not.toContain('/moved/old');
      expect(existsSync(path.join(zfbDir, 'dist/moved/old'))).toBe(false);
      expect(served.original['/moved/old']!.status).toBe(308);
    });
  });
});

// ---------- app router source: app-to-pages ----------

describe('app-to-pages against the real next build', () => {
  let original: NextBuildRecord;
  let pages: NextBuildRecord;

  beforeAll(async () => {
    const originalDir = copyFixture('codemod-next-app', `${AREA}/app-original`);
    const pagesDir = copyFixture('codemod-next-app', `${AREA}/app-to-pages`);
    const result = await migrate(pagesDir, 'app-to-pages', 'app');
    expect(result.counts).toMatchObject({ changed: 4, marked: 0 });
    [original, pages] = await Promise.all([buildNext(originalDir), buildNext(pagesDir)]);
  });

  it('the migrated project is built by the pages router only', () => {
    expect(listFiles(path.join(pages.dir, '.next/server/app'), { all: true }).filter((f) => f.endsWith('.html'))).toEqual([]);
    expect(Object.values(pages.manifest.routes).every((r) => !r.dataRoute?.endsWith('.rsc'))).toBe(true);
  });

  it('prerenders the same URLs, each from the same route, with the same revalidate', () => {
    expect(routesOf(pages)).toEqual(routesOf(original));
    const revalidate = (build: NextBuildRecord) =>
      Object.fromEntries(Object.keys(routesOf(build)).map((url) => [url, build.manifest.routes[url]!.initialRevalidateSeconds]));
    expect(revalidate(pages)).toEqual(revalidate(original));
    expect(revalidate(original)['/about']).toBe(3600);
    expect(Object.keys(routesOf(original)).sort()).toEqual([
      '/about',
      '/blog/news/news-1',
      '/blog/news/news-2',
      '/blog/tech/tech-1',
      '/blog/tech/tech-2',
      '/docs/api',
      '/docs/guide',
      '/docs/guide/install',
      '/shop/1',
      '/shop/2',
    ]);
    expect(pages.status).toEqual(original.status);
    expect(answering(original.status, 200)).toHaveLength(10);
  });

  it('keeps the unmatched behaviour of every dynamic route (dynamicParams false → fallback false, default → blocking)', () => {
    expect(fallbacksOf(pages)).toEqual(fallbacksOf(original));
    expect(fallbacksOf(original)).toEqual({ '/blog/[category]/[slug]': false, '/docs/[...slug]': false, '/shop/[id]': null });
  });

  it('writes HTML for the same URLs, showing the same text', () => {
    expect(Object.keys(pages.html).sort()).toEqual(Object.keys(original.html).sort());
    for (const url of Object.keys(original.html)) {
      expect({ url, text: shownText(pages.html[url]!) }).toEqual({ url, text: shownText(original.html[url]!) });
    }
    expect(shownText(original.html['/blog/tech/tech-1']!)).toEqual(['tech #1']);
  });
});
