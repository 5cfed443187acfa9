import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Route, RouteModel } from '../model/types.js';
import type { SiteSettings } from '../render/types.js';
import { pagePath } from '../render/pages-router.js';
import type { PlannedJob } from './host-tasks.js';
import { bodyFile, pageFile, unsafeOutput, type OutputLayout } from './layout.js';

/**
 * Every file the build writes, from the route model (the one list of URLs `routes`, `build` and `diff`
 * share): one job per entry of every page and route handler, the `fallback: true` shells, and the 404 page.
 * A URL whose file would land outside the output folder, or on a `public/` file (`next build` fails on
 * that conflict), is refused with a diagnostic naming the route, its file and the URL.
 */
export interface BuildPlan {
  jobs: PlannedJob[];
  diagnostics: Diagnostic[];
  /** Routes that have nothing to write, and why (API routes, request-time pages). */
  skipped: { pattern: string; file: string; reason: string }[];
}

export function planBuild(model: RouteModel, site: SiteSettings, layout: OutputLayout, options: { root: string; hasApp: boolean; hasPages: boolean; notFoundFile?: string }): BuildPlan {
  const jobs: PlannedJob[] = [];
  const diagnostics: Diagnostic[] = [];
  const skipped: BuildPlan['skipped'] = [];
  const claimed = new Map<string, string>();
  const publicDir = path.join(options.root, 'public');
  const inPublic = publicFiles(publicDir);
  let id = 0;

  const add = (planned: Omit<PlannedJob, 'id'>, route: Route): void => {
    for (const file of [planned.file, ...(planned.copies ?? [])]) {
      const problem = unsafeOutput(file);
      if (problem) {
        diagnostics.push({ severity: 'error', code: 'BUILD_UNSAFE_PATH', file: route.file, message: `${planned.job.entry.url} of ${route.pattern} is not written: its file "${file}" is refused because ${problem}` });
        return;
      }
      if (inPublic(file)) {
        diagnostics.push({ severity: 'error', code: 'BUILD_PUBLIC_CONFLICT', file: route.file, message: `Conflicting public and page file was found: public/${file} and ${planned.job.entry.url} (${route.file})` });
        return;
      }
      const owner = claimed.get(file);
      if (owner !== undefined && owner !== planned.job.entry.url) {
        diagnostics.push({ severity: 'error', code: 'BUILD_FILE_CONFLICT', file: route.file, message: `${planned.job.entry.url} and ${owner} would both be written to "${file}"` });
        return;
      }
      claimed.set(file, planned.job.entry.url);
    }
    jobs.push({ id: id++, ...planned });
  };

  for (const route of model.routes) {
    const ref = { pattern: route.pattern, file: route.file, origin: route.origin, kind: route.kind, unmatched: route.unmatched };
    if (route.kind === 'api') {
      skipped.push({ pattern: route.pattern, file: route.file, reason: 'API route (never prerendered)' });
      continue;
    }
    if (route.entries.length === 0 && route.unmatched !== 'fallback') {
      skipped.push({ pattern: route.pattern, file: route.file, reason: route.unmatched === 'blocking' ? 'rendered on request under Next.js (no static params, or a request-time API)' : 'no URL to write' });
      continue;
    }
    for (const entry of route.entries) {
      if (route.kind === 'route-handler') {
        add({ job: { route: ref, entry }, file: bodyFile(entry.url) }, route);
        continue;
      }
      const file = pageFile(entry.url, layout, site.trailingSlash);
      // The default locale is served without its prefix too (`/about` beside `/en/about`).
      const unprefixed = entry.locale ? pagePath(entry.url, entry.locale, site) : entry.url;
      const copies = unprefixed !== entry.url ? [pageFile(unprefixed, layout, site.trailingSlash)] : undefined;
      add({ job: { route: ref, entry }, file, ...(copies ? { copies } : {}) }, route);
    }
    if (route.unmatched === 'fallback' && route.origin === 'next-pages') {
      // One shell per locale, like Next's `[slug].html` in server/pages (per locale with i18n).
      const locales = site.i18n ? site.i18n.locales : [undefined];
      for (const locale of locales) {
        const prefix = locale ? `/${locale}` : '';
        const url = `${prefix}${route.pattern === '/' ? '' : route.pattern}` || '/';
        const entry = { url, params: {}, ...(locale ? { locale } : {}) };
        add({ job: { route: ref, entry, shell: 'fallback' }, file: pageFile(url, layout, false) }, route);
      }
    }
  }

  // The 404 page: the app router's when the project has app/ (Next prefers it), else the pages router's.
  const notFoundRoute = {
    pattern: '/404',
    file: options.hasApp ? '' : (options.notFoundFile ?? ''),
    origin: options.hasApp ? ('next-app' as const) : ('next-pages' as const),
    kind: 'page' as const,
    unmatched: 'not-found' as const,
  };
  if (options.hasApp) {
    // next build copies the app router's not-found page to one `404.html` that every locale is served
    // (build/index.ts, moveExportedAppNotFoundTo404: each `/<locale>/404` maps to `pages/404.html`).
    const entry = { url: '/404', params: {}, ...(site.i18n ? { locale: site.i18n.defaultLocale } : {}) };
    const copies = layout === 'next-export' ? ['_not-found.html'] : undefined;
    jobs.push({ id: id++, job: { route: notFoundRoute, entry, shell: 'not-found' }, file: '404.html', ...(copies ? { copies } : {}) });
  } else if (options.hasPages && site.i18n) {
    // The pages router's 404 is rendered once per locale, each with its locale (its getStaticProps gets
    // `locale`), to `pages/<locale>/404.html` (build/index.ts, updatePagesManifestForExportedPage), and
    // `next start` answers a missing `/<locale>/…` with that locale's page. A static host serves a
    // folder's own `404.html` below its prefix (Cloudflare Pages looks up the nearest one) and the root
    // `404.html` elsewhere, so the default locale's page is the root `404.html`, as without i18n, and
    // `<locale>/404.html` beside it. `output: 'export'` refuses i18n ("Specified \"i18n\" cannot be used
    // with \"output: export\""), so the next-export layout has no file names of Next's to follow here and
    // writes the same files.
    for (const locale of site.i18n.locales) {
      const localeFile = `${locale}/404.html`;
      const problem = unsafeOutput(localeFile);
      if (problem) {
        diagnostics.push({ severity: 'error', code: 'BUILD_UNSAFE_PATH', ...(notFoundRoute.file ? { file: notFoundRoute.file } : {}), message: `the 404 page of locale "${locale}" (i18n.locales of the Next.js config) is not written: its file "${localeFile}" is refused because ${problem}` });
        continue;
      }
      const entry = { url: `/${locale}/404`, params: {}, locale };
      const planned = locale === site.i18n.defaultLocale ? { file: '404.html', copies: [localeFile] } : { file: localeFile };
      jobs.push({ id: id++, job: { route: notFoundRoute, entry, shell: 'not-found' }, ...planned });
    }
  } else if (options.hasPages) {
    jobs.push({ id: id++, job: { route: notFoundRoute, entry: { url: '/404', params: {} }, shell: 'not-found' }, file: '404.html' });
  }
  return { jobs, diagnostics, skipped };
}

/** A deterministic 1/n of the jobs: sorted by file, every n-th from k-1 (the 404 page in every shard). */
export function shardJobs(jobs: readonly PlannedJob[], shard: { index: number; count: number }): PlannedJob[] {
  const sorted = [...jobs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return sorted.filter((job, i) => job.job.shell === 'not-found' || i % shard.count === shard.index - 1);
}

/**
 * Whether public/ has a file or folder at an output-relative path. public/ is listed once: a lookup per
 * page cost a 2,000-page build 20 ms. A listing does not go into symlinked folders, so with a symlink in
 * public/ each path is looked up.
 */
function publicFiles(publicDir: string): (file: string) => boolean {
  const lookUp = (file: string): boolean => existsSync(path.join(publicDir, file));
  if (!existsSync(publicDir)) return () => false;
  let entries;
  try {
    entries = readdirSync(publicDir, { recursive: true, withFileTypes: true });
  } catch {
    return lookUp;
  }
  if (entries.some((entry) => entry.isSymbolicLink())) return lookUp;
  const listed = new Set(entries.map((entry) => path.relative(publicDir, path.join(entry.parentPath ?? entry.path, entry.name))));
  return (file) => listed.has(path.normalize(file));
}
