import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readJsonFile } from './files.js';
import { withGitWorktree } from './side-git.js';
import { isRecord } from '../routes/routes-json.js';
import { parseRoutesJsonSide, sideFromModel } from './side-model.js';
import { sideFromNextBuild } from './side-next-build.js';
import { sideFromNextExport } from './side-next-export.js';
import { sideFromZfbDist, ZFB_ROUTES_FILE } from './side-zfb-dist.js';
import { SideError, type BuildModel, type ReadSideOptions, type Side, type SideLabel } from './side.js';

/**
 * One side of a diff, whatever it is:
 * - `git:<ref>[:<path>]`: `<path>` (default: the cwd) in a temporary checkout of `<ref>`, read as below;
 * - a `.json` file: routes JSON (`version: 1`), or a zfb `__zfb/routes.json`;
 * - a directory with `__zfb/routes.json`: a zfb build output;
 * - a directory with `prerender-manifest.json`: a Next.js build (`.next/`);
 * - a directory with `_next/`, or HTML files and no package.json: a static export tree (`out/`);
 * - any other directory: a project, whose route model is computed.
 */
export async function readSide(spec: string, label: SideLabel, options: ReadSideOptions): Promise<Side> {
  if (spec.startsWith('git:')) {
    const side = await withGitWorktree(options.cwd, spec, label, (target) => readLocalSide(target, label, spec, options.buildModel));
    return { ...side, kind: 'git' };
  }
  return readLocalSide(path.resolve(options.cwd, spec), label, displaySpec(spec, options.cwd), options.buildModel);
}

/** Absolute paths under the cwd are shown relative to it, so reports do not carry machine paths. */
function displaySpec(spec: string, cwd: string): string {
  if (!path.isAbsolute(spec)) return spec;
  const relative = path.relative(cwd, spec);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : spec;
}

async function readLocalSide(target: string, label: SideLabel, spec: string, buildModel?: BuildModel): Promise<Side> {
  if (!existsSync(target)) throw new SideError(label, spec, 'no such file or directory');
  if (statSync(target).isFile()) return readJsonSide(target, label, spec);
  if (existsSync(path.join(target, ZFB_ROUTES_FILE))) {
    return readJsonSide(path.join(target, ZFB_ROUTES_FILE), label, spec);
  }
  if (existsSync(path.join(target, 'prerender-manifest.json'))) return sideFromNextBuild(target, label, spec);
  if (looksLikeExportTree(target)) return sideFromNextExport(target, label, spec);
  const build = buildModel ?? (await defaultBuildModel());
  let model;
  try {
    // The project's own output is shown on stderr under the side's name.
    model = await build(target, { label });
  } catch (error) {
    throw new SideError(label, spec, error instanceof Error ? error.message : String(error));
  }
  return sideFromModel(model, label, spec, 'project');
}

async function readJsonSide(file: string, label: SideLabel, spec: string): Promise<Side> {
  const result = await readJsonFile(file, path.basename(file));
  if (!result.ok) throw new SideError(label, spec, result.reason);
  const value = result.value;
  // zfb's own manifest has no version and describes outputs, not routes.
  const inZfbFolder = path.basename(path.dirname(file)) === '__zfb';
  if (isRecord(value) && !('version' in value) && Array.isArray(value.routes)) {
    if (inZfbFolder || isZfbEntry(value.routes[0])) {
      return sideFromZfbDist(inZfbFolder ? path.dirname(path.dirname(file)) : path.dirname(file), value, label, spec);
    }
  }
  return sideFromModel(parseRoutesJsonSide(value, label, spec), label, spec, 'routes-json');
}

function isZfbEntry(entry: unknown): boolean {
  return isRecord(entry) && typeof entry.url === 'string' && typeof entry.output === 'string';
}

function looksLikeExportTree(dir: string): boolean {
  if (existsSync(path.join(dir, '_next'))) return true;
  return existsSync(path.join(dir, 'index.html')) && !existsSync(path.join(dir, 'package.json'));
}

async function defaultBuildModel(): Promise<BuildModel> {
  const { buildRouteModel } = await import('../routes/route-model.js');
  return buildRouteModel;
}
