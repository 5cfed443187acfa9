import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onExitCleanup } from '../load/exit-cleanup.js';
import { ROUTES_MANIFEST, routesManifestJson, type ZfbRouteEntry } from './routes-manifest.js';

/**
 * Joins the outputs of `zfb-next build --shard k/n` runs into one site: every file of every shard (the
 * files all shards write, such as client chunks, stylesheets, the 404 page and public/, must be identical:
 * builds are deterministic), and one `__zfb/routes.json` with every shard's routes, sorted. A file two shards
 * wrote differently, or a URL listed twice, is an error and nothing is written. The result replaces `out`
 * atomically, like a build.
 */
export class MergeError extends Error {}

export function mergeShards(out: string, shards: readonly string[]): { files: number; routes: number } {
  const outDir = path.resolve(out);
  const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}.zfb-next-merge-${process.pid}`);
  const release = onExitCleanup(() => rmSync(staging, { recursive: true, force: true }));
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const routes: ZfbRouteEntry[] = [];
    const owners = new Map<string, string>();
    let files = 0;
    for (const shard of shards) {
      const dir = path.resolve(shard);
      if (!existsSync(dir)) throw new MergeError(`${shard}: no such folder`);
      for (const file of listFiles(dir)) {
        if (file === ROUTES_MANIFEST.split(path.sep).join('/')) continue;
        const target = path.join(staging, file);
        if (existsSync(target)) {
          if (!readFileSync(target).equals(readFileSync(path.join(dir, file)))) throw new MergeError(`${file} differs between ${owners.get(file)} and ${shard}: were the shards built from the same commit?`);
          continue;
        }
        mkdirSync(path.dirname(target), { recursive: true });
        cpSync(path.join(dir, file), target);
        owners.set(file, shard);
        files++;
      }
      const manifest = path.join(dir, ROUTES_MANIFEST);
      if (existsSync(manifest)) routes.push(...(JSON.parse(readFileSync(manifest, 'utf8')) as { routes: ZfbRouteEntry[] }).routes);
    }
    const seen = new Set<string>();
    for (const route of routes) {
      if (seen.has(route.url)) throw new MergeError(`${route.url} is listed by two shards: were they built with the same --shard count?`);
      seen.add(route.url);
    }
    mkdirSync(path.join(staging, '__zfb'), { recursive: true });
    writeFileSync(path.join(staging, ROUTES_MANIFEST), routesManifestJson(routes));
    const old = `${staging}.old`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(staging, outDir);
    rmSync(old, { recursive: true, force: true });
    return { files, routes: routes.length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}

function listFiles(dir: string, relative = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...listFiles(dir, child));
    else found.push(child);
  }
  return found;
}
