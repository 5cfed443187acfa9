import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zfbBuild as runZfbBuild, type EngineRun } from '../helpers/engines.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh scratch folder inside the repository (gitignored), so Next's Turbopack root is the repo. */
export function freshWorkDir(name: string): string {
  const dir = path.join(repoRoot, '.work', 'report', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

function succeeded(engine: string, fixture: string, result: EngineRun): EngineRun {
  if (result.code !== 0) throw new Error(`${engine} of ${fixture} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Copies fixtures/<name> to `dir` and runs the real `zfb build` there; returns its stderr. */
export async function zfbBuild(fixture: string, dir: string): Promise<string> {
  cpSync(path.join(repoRoot, 'fixtures', fixture), dir, { recursive: true });
  return succeeded('zfb build', fixture, await runZfbBuild(dir)).stderr;
}

export interface SyntheticPage {
  /** Next page, e.g. '/blog/[slug]' or '/about'. */
  page: string;
  /** Source file, project-relative. */
  file: string;
  /** Dynamic pages: the prerendered URLs and the prerender-manifest `fallback` value. */
  urls?: string[];
  fallback?: false | null | string;
  /** Visible text per URL (static pages: their own URL). */
  text: (url: string) => string;
}

/**
 * A pages-router build directory in the shape next@16.4.6 writes it (as in real builds, see real-builds.test.ts):
 * prerender-manifest routes/dynamicRoutes, routes-manifest dynamicRoutes, server/pages-manifest.json and
 * server/pages/<url>.html, with the source files beside `.next/`. Used for synthetic changes that a
 * real build would need many fixture variants for; real builds are covered in real-builds.test.ts.
 */
export function writeSyntheticNextBuild(projectDir: string, pages: SyntheticPage[]): string {
  const nextDir = path.join(projectDir, '.next');
  const routes: Record<string, { srcRoute: string | null }> = {};
  const dynamicRoutes: Record<string, { fallback: false | null | string }> = {};
  const pagesManifest: Record<string, string> = { '/_app': 'pages/_app.js', '/404': 'pages/404.html' };
  const routesManifest: { dynamicRoutes: Array<{ page: string }> } = { dynamicRoutes: [] };
  const files: Record<string, string> = {};
  for (const p of pages) {
    files[p.file] = 'export default function Page() { return null; }\n';
    const dynamic = p.page.includes('[');
    pagesManifest[p.page] = dynamic ? `pages${p.page}.js` : `pages${p.page === '/' ? '/index' : p.page}.html`;
    const urls = dynamic ? (p.urls ?? []) : [p.page];
    if (dynamic) {
      dynamicRoutes[p.page] = { fallback: p.fallback === undefined ? false : p.fallback };
      routesManifest.dynamicRoutes.push({ page: p.page });
    }
    for (const url of urls) {
      if (dynamic) routes[url] = { srcRoute: p.page };
      files[`.next/server/pages${url === '/' ? '/index' : url}.html`] =
        `<!DOCTYPE html><html><head><title>${url}</title></head><body><div id="__next"><main>${p.text(url)}</main></div>` +
        `<script id="__NEXT_DATA__" type="application/json">{"page":"${p.page}"}</script></body></html>`;
    }
  }
  files['.next/prerender-manifest.json'] = JSON.stringify({ version: 4, routes, dynamicRoutes, notFoundRoutes: [] }, null, 2);
  files['.next/routes-manifest.json'] = JSON.stringify(routesManifest, null, 2);
  files['.next/server/pages-manifest.json'] = JSON.stringify(pagesManifest, null, 2);
  writeFiles(projectDir, files);
  return nextDir;
}

/** A routes JSON document (contract version 1) with one entry per URL. */
export function routesJson(
  routes: Array<{ pattern: string; file: string; origin?: string; unmatched?: string; providers?: string[]; urls: string[] }>,
  version = 1,
): string {
  return (
    JSON.stringify(
      {
        version,
        root: '.',
        routes: routes.map((r) => ({
          pattern: r.pattern,
          segments: [],
          file: r.file,
          origin: r.origin ?? 'next-pages',
          kind: 'page',
          unmatched: r.unmatched ?? 'not-found',
          providers: (r.providers ?? (r.pattern.includes('[') ? ['getStaticPaths'] : [])).map((fn) => ({ file: r.file, function: fn, keys: [] })),
          entries: r.urls.map((url) => ({ url, params: {} })),
        })),
        diagnostics: [],
      },
      null,
      2,
    ) + '\n'
  );
}
