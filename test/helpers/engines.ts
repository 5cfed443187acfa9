import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Runs the real engines pinned in package.json on fixture projects; never a stand-in. */

const run = promisify(execFile);
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');

/**
 * A fresh copy of a fixture under .work/<area>/. It stays inside the repository because Turbopack only
 * compiles files below the folder of the nearest lockfile.
 */
export function copyFixture(name: string, area: string, from = FIXTURES): string {
  const target = path.join(REPO_ROOT, '.work', area, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(from, name), target, { recursive: true });
  return target;
}

export interface EngineRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(command: string, args: string[], cwd: string): Promise<EngineRun> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/next/dist/bin/next');
const ZFB_LAUNCHER = path.join(REPO_ROOT, 'node_modules/@takazudo/zfb/bin/zfb.mjs');

/** The smallest zfb setup that builds (`zfb new site`'s config, without Tailwind). */
export const ZFB_CONFIG = { framework: 'preact', outDir: 'dist', publicDir: 'public', tailwind: { enabled: false } };
export const ZFB_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', jsxImportSource: 'preact', strict: true },
};

/** zfb resolves its runtime from the project's node_modules: a copy outside the repo gets the repo's linked in. */
export function linkNodeModules(dir: string): void {
  const modules = path.join(dir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(path.join(REPO_ROOT, 'node_modules'), modules, 'dir');
}

export function nextBuild(dir: string, args: readonly string[] = []): Promise<EngineRun> {
  return exec(process.execPath, [NEXT_BIN, 'build', ...args], dir);
}

export function zfbBuild(dir: string): Promise<EngineRun> {
  linkNodeModules(dir);
  return exec(process.execPath, [ZFB_LAUNCHER, 'build'], dir);
}

/** The same `zfb build`, for tests that run many small builds in a row. */
export function zfbBuildSync(dir: string): { status: number | null; stdout: string; stderr: string } {
  linkNodeModules(dir);
  return spawnSync(process.execPath, [ZFB_LAUNCHER, 'build'], { cwd: dir, encoding: 'utf8' });
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
