import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, nextBuild, REPO_ROOT, zfbBuild } from '../helpers/engines.js';
import { readSide } from '../../src/report/read-side.js';
import { runDiff } from '../../src/report/run-diff.js';
import { visibleText } from '../../src/report/visible-text.js';

export interface MigratedFixture {
  /** The fixture's copy, with its real `next build` in `.next/`. */
  source: string;
  /** The migrated project, with its real `zfb build` in `dist/`. */
  out: string;
  report: MigrationReport;
  /** The source's files right after its next build (snapshotTree), to show that migrate changed none. */
  before: Map<string, string>;
  zfbStderr: string;
}

/**
 * The proof every end-to-end migrate test starts from: the fixture built by the real next build, migrated
 * with `--json`, and the output built by the real zfb build. `exitCode` is migrate's (1 when the fixture
 * has a URL zfb cannot serve).
 */
export async function migrateFixture(fixture: string, exitCode = 0): Promise<MigratedFixture> {
  const source = copyFixture(fixture, 'migrate');
  const out = `${source}-zfb`;
  const next = await nextBuild(source);
  expect(next.code, next.stderr).toBe(0);
  const before = snapshotTree(source);
  const run = await runCli(['migrate', path.relative(process.cwd(), source), '--out', path.relative(process.cwd(), out), '--force', '--json']);
  expect(run.code, run.stderr).toBe(exitCode);
  const report = JSON.parse(run.stdout) as MigrationReport;
  const zfb = await zfbBuild(out);
  expect(zfb.code, zfb.stderr).toBe(0);
  return { source, out, report, before, zfbStderr: zfb.stderr };
}

/** Every file under `dir` (build output and dependencies aside) with its bytes' hash, mtime and mode. */
export function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string, relative: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.next' || entry.name === 'out') continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full, rel);
      else if (entry.isSymbolicLink()) files.set(rel, `link ${readlinkSync(full)}`);
      else {
        const stat = statSync(full);
        files.set(rel, `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${stat.mtimeMs} ${stat.mode}`);
      }
    }
  };
  visit(dir, '');
  return files;
}

export interface PageView {
  text: string;
  title: string | undefined;
  lang: string | undefined;
}

/** What a reader sees of a page: its text, the `<title>` and `<html lang>`. */
export function viewOf(html: string): PageView {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  return {
    text: visibleText(html),
    title: title === undefined ? undefined : visibleText(`<p>${title}</p>`),
    lang: /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1],
  };
}

export interface BuildPair {
  /** Canonical URLs of each build. */
  nextUrls: string[];
  zfbUrls: string[];
  /** The URLs Next.js wrote an HTML page for. */
  nextPages: string[];
  /** Per URL both builds have HTML for: what each shows. */
  pages: { url: string; next: PageView; zfb: PageView }[];
}

/** The real Next.js build (`<project>/.next`) and the real zfb build (`<project>/dist`), page by page. */
export async function compareBuilds(nextProject: string, zfbProject: string): Promise<BuildPair> {
  const next = await readSide(path.join(nextProject, '.next'), 'base', { cwd: REPO_ROOT });
  const zfb = await readSide(path.join(zfbProject, 'dist'), 'head', { cwd: REPO_ROOT });
  const pages: BuildPair['pages'] = [];
  for (const [url, nextHtml] of next.html) {
    const zfbHtml = zfb.html.get(url);
    if (!zfbHtml) continue;
    pages.push({
      url,
      next: viewOf(readFileSync(path.join(next.htmlRoot!, nextHtml), 'utf8')),
      zfb: viewOf(readFileSync(path.join(zfb.htmlRoot!, zfbHtml), 'utf8')),
    });
  }
  return { nextUrls: [...next.urls.keys()].sort(), zfbUrls: [...zfb.urls.keys()].sort(), nextPages: [...next.html.keys()].sort(), pages };
}

/**
 * The migration's promise, checked on two real builds: the URL sets are equal but for the URLs the report
 * lists as lost, those are exactly the missing ones, and every page both serve shows the same text, title
 * and language.
 */
export async function expectSameSite(nextProject: string, zfbProject: string, report: MigrationReport): Promise<BuildPair> {
  const pair = await compareBuilds(nextProject, zfbProject);
  const lost = report.urls.lost.map((l) => l.url).sort();
  expect(pair.nextUrls.filter((url) => !pair.zfbUrls.includes(url))).toEqual(lost);
  expect(pair.zfbUrls.filter((url) => !pair.nextUrls.includes(url))).toEqual([]);
  // Every page Next.js wrote HTML for, and zfb still serves, has HTML on the zfb side too.
  expect(pair.pages.map((p) => p.url).sort()).toEqual(pair.nextPages.filter((url) => !lost.includes(url)));
  for (const page of pair.pages) expect({ url: page.url, ...page.zfb }).toEqual({ url: page.url, ...page.next });
  return pair;
}

/**
 * Serves a zfb `dist/` the way a static host does (`/x` → `x/index.html`), on a free local port, for the
 * browser tests; `close()` stops it.
 */
export function serveDist(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  return serveFiles((pathname) => {
    const file = path.join(dist, pathname);
    if (existsSync(file) && statSync(file).isDirectory()) return path.join(file, 'index.html');
    return file.startsWith(dist) ? file : undefined;
  });
}

/**
 * Serves a `next build` of the app router as `next start` answers its prerendered pages: `/x` →
 * `.next/server/app/x.html`, `/_next/static/` from `.next/static/`, anything else from public/. The image
 * optimizer (`/_next/image`) needs a server and is not there.
 */
export function serveNextBuild(project: string): Promise<{ url: string; close: () => Promise<void> }> {
  return serveFiles((pathname) => {
    if (pathname.startsWith('/_next/static/')) return path.join(project, '.next/static', pathname.slice('/_next/static/'.length));
    const page = path.join(project, '.next/server/app', `${pathname === '/' ? 'index' : pathname.slice(1)}.html`);
    if (existsSync(page)) return page;
    return path.join(project, 'public', pathname);
  });
}

async function serveFiles(fileFor: (pathname: string) => string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.xml': 'application/xml', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = pathname.includes('..') ? undefined : fileFor(pathname);
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A headless Chromium (the Debian package), as the HTML report's browser test starts it. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface BuildsDiff {
  exitCode: number;
  counts: { removed: number; textChanged: number; textCompared: number };
  removed: { url: string }[];
}

/** `zfb-next diff --format json` from the Next.js build of `source` to the zfb build of `out`. */
export async function diffBuilds(source: string, out: string): Promise<BuildsDiff> {
  const result = await runDiff({ base: path.join(source, '.next'), head: path.join(out, 'dist'), format: 'json', cwd: REPO_ROOT, env: {} });
  return { exitCode: result.exitCode, ...(JSON.parse(result.stdout) as Omit<BuildsDiff, 'exitCode'>) };
}
