import { existsSync } from 'node:fs';
import path from 'node:path';
import { isStaticMetadataFile, metadataSourceCandidates } from '../model/next-metadata-route.js';
import { isInterceptionRoute } from '../model/interception.js';
import type { Origin, Unmatched } from '../model/types.js';
import { canonicalUrl, isSiteUrl } from './canonical-url.js';
import { listFiles, readJsonFile } from './files.js';
import { isRecord } from '../routes/routes-json.js';
import { isDynamicPattern, SideBuilder, SideError, type Side, type SideLabel, type SideRoute } from './side.js';

/**
 * A Next.js build directory (`.next/`), read from its manifests (their types: build/index.ts
 * `PrerenderManifest`, `RoutesManifest`; real builds in test/report/next-build-readers.test.ts):
 * - prerender-manifest.json `routes`: every prerendered URL (keys are pathnames, canonical already) with
 *   its `srcRoute`; `dynamicRoutes[page].fallback`: false → 404, null → blocking, a string → fallback page;
 * - routes-manifest.json `dynamicRoutes`: every dynamic page, also those with no prerender entry (fully
 *   dynamic, so unlisted URLs render on request);
 * - server/pages-manifest.json and app-path-routes-manifest.json: static pages that prerender nothing
 *   (auto-static and server-rendered pages), and which router (and so which source file) owns a page.
 * Intercepting app routes are rewrite targets, not URLs, and are left out as in the route model.
 * Source files are looked up next to `.next/` (the project root); a build copied elsewhere gets
 * extension-less names such as `pages/about`.
 * With i18n (routes-manifest `i18n.locales`), prerendered keys carry a locale prefix (`/en/about`,
 * `/fr`); the page behind a prefixed key without `srcRoute` is the key without its locale, and an
 * unprefixed pages-manifest entry whose locale forms were prerendered is not a URL of its own.
 */
export async function readNextBuild(nextDir: string, label: SideLabel, spec: string): Promise<NextBuildIndex> {
  const read = async (name: string, required: boolean): Promise<Record<string, unknown>> => {
    const result = await readJsonFile(path.join(nextDir, name), name);
    if (result.ok) {
      if (!isRecord(result.value)) throw new SideError(label, spec, `${name} is not a JSON object`);
      return result.value;
    }
    if (!required && !existsSync(path.join(nextDir, name))) return {};
    throw new SideError(label, spec, result.reason);
  };
  const prerender = await read('prerender-manifest.json', true);
  const routesManifest = await read('routes-manifest.json', false);
  const pagesManifest = await read('server/pages-manifest.json', false);
  const appPathRoutes = await read('app-path-routes-manifest.json', false);
  return new NextBuildIndex(path.dirname(nextDir), prerender, routesManifest, pagesManifest, appPathRoutes);
}

export async function sideFromNextBuild(nextDir: string, label: SideLabel, spec: string): Promise<Side> {
  const index = await readNextBuild(nextDir, label, spec);
  const builder = new SideBuilder();
  const htmlFiles = new Set([
    ...(await listFiles(path.join(nextDir, 'server', 'pages'))).map((f) => `server/pages/${f}`),
    ...(await listFiles(path.join(nextDir, 'server', 'app'))).map((f) => `server/app/${f}`),
  ]);
  for (const { url, page } of index.urls()) {
    const route = index.route(page, builder);
    const base = url === '/' ? '/index' : url;
    const dir = route.origin === 'next-app' ? 'server/app' : 'server/pages';
    const html = `${dir}${base}.html`;
    builder.addUrl(url, route, htmlFiles.has(html) ? html : undefined);
  }
  for (const page of index.dynamicPages()) index.route(page, builder);
  return builder.finish(label, spec, 'next-build', nextDir);
}

const EXTENSIONS = ['tsx', 'ts', 'jsx', 'js', 'mdx', 'md'];

export class NextBuildIndex {
  private readonly routesByPage = new Map<string, SideRoute>();
  /** Lower-cased: Next matches locale prefixes case-insensitively (normalizeLocalePath). */
  private readonly locales: Set<string>;
  private readonly prerendered: Record<string, unknown>;
  /** Pages that prerendered at least one URL. */
  private readonly pagesWithUrls = new Set<string>();
  private readonly prerenderedLowerCase = new Set<string>();
  /** Route (`/blog/[slug]`) → app file path as Next records it (`/(group)/blog/[slug]/page`). */
  private readonly appFiles = new Map<string, string>();
  /**
   * prerender-manifest `notFoundRoutes`: URLs whose getStaticProps returned `notFound: true`. They stay keys
   * of `routes` (and a static page stays in the pages manifest), but the build wrote no page: they answer 404.
   */
  private readonly notFound: Set<string>;

  constructor(
    private readonly projectRoot: string,
    private readonly prerender: Record<string, unknown>,
    private readonly routesManifest: Record<string, unknown>,
    private readonly pagesManifest: Record<string, unknown>,
    appPathRoutes: Record<string, unknown>,
  ) {
    const i18n = isRecord(routesManifest.i18n) ? routesManifest.i18n : {};
    this.locales = new Set(Array.isArray(i18n.locales) ? i18n.locales.filter((l) => typeof l === 'string').map((l) => l.toLowerCase()) : []);
    this.prerendered = isRecord(prerender.routes) ? prerender.routes : {};
    this.notFound = new Set(Array.isArray(prerender.notFoundRoutes) ? prerender.notFoundRoutes.filter((r): r is string => typeof r === 'string') : []);
    for (const [key, value] of Object.entries(this.prerendered)) {
      this.pagesWithUrls.add(this.pageOf(key, value));
      if (this.locales.size > 0) this.prerenderedLowerCase.add(key.toLowerCase());
    }
    // Parallel-slot files (`@modal/...`) render inside a page; the page's own file is the route's source.
    const appEntries = Object.entries(appPathRoutes).sort(([a], [b]) => slotRank(a) - slotRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const [file, route] of appEntries) {
      if (typeof route === 'string' && !this.appFiles.has(route)) this.appFiles.set(route, file);
    }
  }

  /**
   * Every URL the build serves, with the page (route pattern) that serves it, in manifest order. An
   * intercepting route's prerendered output (`/ic/(.)photo/1`) is a rewrite target, not a URL.
   */
  *urls(): Generator<{ url: string; page: string }> {
    for (const [key, value] of Object.entries(this.prerendered)) {
      if (this.notFound.has(key)) continue;
      const url = canonicalUrl(key, 'next');
      const page = this.pageOf(key, value);
      if (isSiteUrl(this.withoutLocale(url)) && !isInterceptionRoute(page)) yield { url, page };
    }
    // Pages that prerender nothing but still answer at their own path.
    for (const page of [...Object.keys(this.pagesManifest), ...this.appFiles.keys()]) {
      if (isDynamicPattern(page) || !isSiteUrl(this.withoutLocale(page)) || this.hasLocaleForms(page) || isInterceptionRoute(page) || this.notFound.has(page)) continue;
      yield { url: canonicalUrl(page, 'next'), page: this.withoutLocale(page) };
    }
  }

  private pageOf(key: string, value: unknown): string {
    return isRecord(value) && typeof value.srcRoute === 'string' ? value.srcRoute : this.withoutLocale(canonicalUrl(key, 'next'));
  }

  /** `/en/about` → `/about`, `/fr` → `/` when `en`, `fr` are locales; anything else unchanged. */
  private withoutLocale(url: string): string {
    if (this.locales.size === 0) return url;
    const end = url.indexOf('/', 1);
    const first = (end === -1 ? url.slice(1) : url.slice(1, end)).toLowerCase();
    if (!this.locales.has(first)) return url;
    return end === -1 ? '/' : url.slice(end);
  }

  private hasLocaleForms(page: string): boolean {
    if (this.locales.size === 0 || this.withoutLocale(page) !== page) return false;
    const rest = page === '/' ? '' : page.toLowerCase();
    return [...this.locales].some((locale) => this.prerenderedLowerCase.has(`/${locale}${rest}`));
  }

  /** Dynamic pages, also those with no prerendered URL. */
  dynamicPages(): string[] {
    const pages = new Set<string>();
    if (isRecord(this.prerender.dynamicRoutes)) for (const page of Object.keys(this.prerender.dynamicRoutes)) pages.add(page);
    if (Array.isArray(this.routesManifest.dynamicRoutes)) {
      for (const r of this.routesManifest.dynamicRoutes) if (isRecord(r) && typeof r.page === 'string') pages.add(r.page);
    }
    return [...pages].filter((page) => isDynamicPattern(page) && !isInterceptionRoute(page));
  }

  route(page: string, builder: SideBuilder): SideRoute {
    let route = this.routesByPage.get(page);
    if (route) return route;
    const origin: Origin = this.appFiles.has(page) ? 'next-app' : 'next-pages';
    const dynamic = isDynamicPattern(page);
    route = builder.addRoute({
      pattern: page,
      file: origin === 'next-app' ? this.appSourceFile(page) : this.pagesSourceFile(page),
      origin,
      providers: this.providers(page, origin),
      unmatched: dynamic ? this.unmatched(page) : null,
    });
    this.routesByPage.set(page, route);
    return route;
  }

  /** The page that serves `url` according to the manifests, or undefined when they do not list it. */
  lookup(url: string): string | undefined {
    if (this.notFound.has(url)) return undefined;
    const value = this.prerendered[url];
    if (value !== undefined) return this.pageOf(url, value);
    if (url in this.pagesManifest || this.appFiles.has(url)) return this.withoutLocale(url);
    return undefined;
  }

  /**
   * A dynamic pages-router page with prerender information must have getStaticPaths (Next refuses to
   * build it otherwise); one without is server-rendered. An app-router page that prerendered URLs got
   * them from generateStaticParams somewhere in its cascade; one that prerendered none may still have
   * one (it returned [] or incomplete params) or none (dynamic = 'force-static'): the build cannot tell.
   */
  private providers(page: string, origin: Origin): string[] | null {
    if (!isDynamicPattern(page)) return [];
    if (origin === 'next-app') {
      // Metadata routes: a static file below a dynamic segment has no params function; one URL per id
      // comes from generateSitemaps or generateImageMetadata (next-app-metadata.ts).
      if (isStaticMetadataFile(page)) return [];
      if (!this.pagesWithUrls.has(page)) return null;
      if (page.endsWith('/[__metadata_id__]')) return [page.endsWith('/sitemap/[__metadata_id__]') ? 'generateSitemaps' : 'generateImageMetadata'];
      return ['generateStaticParams'];
    }
    return isRecord(this.prerender.dynamicRoutes) && page in this.prerender.dynamicRoutes ? ['getStaticPaths'] : [];
  }

  /** `dynamicRoutes[page].fallback`: false | null | string; a dynamic page without an entry is fully dynamic. */
  private unmatched(page: string): Unmatched {
    const entry = isRecord(this.prerender.dynamicRoutes) ? this.prerender.dynamicRoutes[page] : undefined;
    if (!isRecord(entry)) return 'blocking';
    if (entry.fallback === false) return 'not-found';
    if (typeof entry.fallback === 'string') return 'fallback';
    return 'blocking';
  }

  private pagesSourceFile(page: string): string {
    const stem = page === '/' ? '/index' : page;
    return this.findSource(['pages', 'src/pages'], [stem, `${stem}/index`]) ?? `pages${stem}`;
  }

  private appSourceFile(page: string): string {
    const recorded = this.appFiles.get(page) ?? `${page === '/' ? '' : page}/page`;
    return this.findSource(['app', 'src/app'], [recorded]) ?? this.metadataSourceFile(recorded) ?? `app${recorded}`;
  }

  /** A metadata route's app path names no file of its own (`/icon-<hash>.png/route` comes from `icon.png`). */
  private metadataSourceFile(appPath: string): string | undefined {
    for (const dir of ['app', 'src/app']) {
      for (const candidate of metadataSourceCandidates(appPath, EXTENSIONS)) {
        if (existsSync(path.join(this.projectRoot, dir + candidate))) return dir + candidate;
      }
    }
    return undefined;
  }

  private findSource(dirs: string[], stems: string[]): string | undefined {
    for (const dir of dirs) {
      for (const stem of stems) {
        for (const extension of EXTENSIONS) {
          const file = `${dir}${stem}.${extension}`;
          if (existsSync(path.join(this.projectRoot, file))) return file;
        }
      }
    }
    return undefined;
  }
}

function slotRank(appFile: string): number {
  return appFile.includes('/@') ? 1 : 0;
}
