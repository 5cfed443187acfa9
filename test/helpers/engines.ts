import { execFile } from 'node:child_process';
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

export function nextBuild(dir: string): Promise<EngineRun> {
  return exec(process.execPath, [path.join(REPO_ROOT, 'node_modules/next/dist/bin/next'), 'build'], dir);
}

export function zfbBuild(dir: string): Promise<EngineRun> {
  const modules = path.join(dir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(path.join(REPO_ROOT, 'node_modules'), modules, 'dir');
  return exec(process.execPath, [path.join(REPO_ROOT, 'node_modules/@takazudo/zfb/bin/zfb.mjs'), 'build'], dir);
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
