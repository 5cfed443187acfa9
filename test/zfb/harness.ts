import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModuleSession } from '../../src/load/load-modules.js';
import type { Project } from '../../src/project/types.js';
import type { SourceResult } from '../../src/sources/contract.js';
import { zfbSource } from '../../src/sources/zfb.js';
import { linkNodeModules, ZFB_CONFIG, ZFB_TSCONFIG, zfbBuildSync } from '../helpers/engines.js';

/** Runs the real zfb binary and our zfb front-end on the same project copy. */

export const repo = fileURLToPath(new URL('../..', import.meta.url));
const workDir = path.join(repo, '.work', 'zfb');

export { ZFB_CONFIG };

/** A fresh copy of fixtures/<name> under .work/zfb/<name>, with the repo's node_modules linked in. */
export function copyFixture(name: string): string {
  const dir = path.join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(path.join(repo, 'fixtures', name), dir, { recursive: true });
  linkNodeModules(dir);
  return dir;
}

/** A project dir for generated trees; `writePages` replaces its pages/ each time. */
export function scratchProject(name: string): { dir: string; writePages(files: Record<string, string>): void } {
  const dir = path.join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'zfb.config.json'), JSON.stringify(ZFB_CONFIG));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(ZFB_TSCONFIG));
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  linkNodeModules(dir);
  return {
    dir,
    writePages(files) {
      rmSync(path.join(dir, 'pages'), { recursive: true, force: true });
      for (const [file, source] of Object.entries(files)) {
        const abs = path.join(dir, 'pages', file);
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, source);
      }
    },
  };
}

export interface ZfbRouteRecord {
  url: string;
  output: string;
  source: string;
  params?: Record<string, unknown>;
}

export interface ZfbBuild {
  status: number | null;
  stdout: string;
  /** With the project's absolute path replaced by nothing, so paths read project-relative as ours do. */
  stderr: string;
  routes?: ZfbRouteRecord[];
}

export function zfbBuild(dir: string): ZfbBuild {
  const result = zfbBuildSync(dir);
  const manifest = path.join(dir, 'dist', '__zfb', 'routes.json');
  const build: ZfbBuild = {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr.split(dir + path.sep).join(''),
  };
  if (result.status === 0 && existsSync(manifest)) {
    build.routes = (JSON.parse(readFileSync(manifest, 'utf8')) as { routes: ZfbRouteRecord[] }).routes;
  }
  return build;
}

export function zfbProject(dir: string): Project {
  return { root: dir, kind: 'zfb', pagesDir: path.join(dir, 'pages'), pagesEngine: 'zfb', zfb: { outDir: 'dist', framework: 'preact' } };
}

export async function ourModel(dir: string): Promise<SourceResult> {
  const session = new ModuleSession(dir);
  try {
    return await zfbSource(zfbProject(dir), session);
  } finally {
    session.close();
  }
}

/** JSON with sorted keys, so two records compare by content. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** (url, source, params) of every URL, as routes.json writes them: no params on static routes. */
export function modelRecords(model: SourceResult): string[] {
  return model.routes
    .flatMap((route) =>
      route.entries.map((entry) =>
        canonical({ url: entry.url, source: route.file, ...(route.providers.length ? { params: entry.params } : {}) }),
      ),
    )
    .sort();
}

export function zfbRecords(routes: readonly ZfbRouteRecord[]): string[] {
  return routes.map((r) => canonical({ url: r.url, source: r.source, ...(r.params ? { params: r.params } : {}) })).sort();
}

/** The `⚠ skipping` lines of a build. */
export function skipLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('⚠ skipping '));
}

/** The `⚠ skipping …` line our diagnostics quote for a file. */
export function quotedSkipLine(model: SourceResult, file: string): string | undefined {
  for (const d of model.diagnostics) {
    if (d.file !== file) continue;
    const match = /zfb prints only "(⚠ skipping .*)"$/.exec(d.message);
    if (match) return match[1];
  }
  return undefined;
}

/** Reads back what a page printed with components/Props.tsx (preact escapes & < > "). */
export function printedProps(dir: string, output: string): unknown {
  const html = readFileSync(path.join(dir, 'dist', output), 'utf8');
  const text = /<pre id="props">(.*)<\/pre>/s.exec(html)?.[1];
  if (text === undefined) throw new Error(`no props in ${output}`);
  return JSON.parse(text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}
