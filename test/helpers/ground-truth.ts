import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIXTURES, REPO_ROOT, type EngineRun } from './engines.js';

/**
 * The real `next build` of a fixture, run once per test run and shared by every test file that asks for
 * it. A build is keyed by the fixture's content and the Next.js version that builds it, and lives in
 * `.work/ground-truth/<fixture>-<key>/` (for another Next.js version, beside that version's install:
 * `.work/next-versions/<line>/ground-truth/…`, so the fixture resolves that `next`). A lock directory makes
 * two test files that ask at once share one build. The built copy is read-only for its users.
 *
 * By default a build is redone in every test run (the run id comes from the global setup), so a run never
 * reads a stale engine output. `ZFB_NEXT_REUSE_GROUND_TRUTH=1` reuses a finished build of the same content
 * and version from an earlier run, for quick local iteration.
 */

const run = promisify(execFile);

export interface GroundTruth {
  /** The fixture's files plus `.next/` after the build. */
  dir: string;
  /** The version of the `next` that built it. */
  nextVersion: string;
  build: EngineRun;
}

interface Stamp {
  runId: string;
  nextVersion: string;
  build: EngineRun;
}

/** Where a Next.js install lives: the repository's own (the pinned version) or one of test/next-versions. */
export interface NextInstall {
  /** The folder whose node_modules holds `next`; builds go below it so the fixture resolves that `next`. */
  root: string;
  /** Where this install's builds are kept. */
  cache: string;
}

export const PINNED: NextInstall = { root: REPO_ROOT, cache: path.join(REPO_ROOT, '.work', 'ground-truth') };

/** The install of another Next.js line (see test/next-versions/README.md), set up by the versions' global setup. */
export function versionInstall(line: string): NextInstall {
  const root = path.join(REPO_ROOT, '.work', 'next-versions', line);
  return { root, cache: path.join(root, 'ground-truth') };
}

export function installedNextVersion(install: NextInstall): string {
  const file = path.join(install.root, 'node_modules', 'next', 'package.json');
  if (!existsSync(file)) throw new Error(`no next installed in ${install.root} (run the version tests' setup first)`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function runId(): string {
  const id = process.env.ZFB_NEXT_TEST_RUN_ID;
  if (!id) throw new Error('ZFB_NEXT_TEST_RUN_ID is not set: run the tests through vitest, whose global setup sets it');
  return id;
}

/** A digest of every file below `dir` (names and bytes), build output and installed packages left out. */
export function contentKey(dir: string, extra: string): string {
  const hash = createHash('sha256').update(extra);
  const visit = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      if (name === 'node_modules' || name === '.next' || name === 'out') continue;
      const childRel = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, childRel);
      if (statSync(full).isDirectory()) visit(childRel);
      else hash.update(`\0${childRel}\0`).update(readFileSync(full));
    }
  };
  visit('');
  return hash.digest('hex').slice(0, 16);
}

function readStamp(entry: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(path.join(entry, '.ground-truth.json'), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes `<entry>.lock`; waits for a live holder, takes over the lock of a process that died. */
async function lock(entry: string): Promise<() => void> {
  const lockDir = `${entry}.lock`;
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // The holder has made the directory but not written its pid yet.
    }
    if (Number.isInteger(holder) && !alive(holder)) rmSync(lockDir, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockDir}`);
    else await sleep(250);
  }
}

function usable(stamp: Stamp | undefined, version: string): stamp is Stamp {
  if (!stamp || stamp.nextVersion !== version) return false;
  return stamp.runId === runId() || process.env.ZFB_NEXT_REUSE_GROUND_TRUTH === '1';
}

async function nextBuild(dir: string, install: NextInstall): Promise<EngineRun> {
  const bin = path.join(install.root, 'node_modules', 'next', 'dist', 'bin', 'next');
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'build'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/**
 * The real `next build` of `fixture` (a folder name under fixtures/, or a path), built at most once per
 * run for its content and Next.js version. A failed build is returned too (its `build.code` says so):
 * some fixtures exist to show an error.
 */
export async function groundTruth(fixture: string, install: NextInstall = PINNED): Promise<GroundTruth> {
  const source = path.isAbsolute(fixture) ? fixture : path.join(FIXTURES, fixture);
  const nextVersion = installedNextVersion(install);
  const name = path.basename(source);
  const entry = path.join(install.cache, `${name}-${contentKey(source, `next@${nextVersion}`)}`);
  mkdirSync(install.cache, { recursive: true });

  let stamp = readStamp(entry);
  if (!usable(stamp, nextVersion)) {
    const release = await lock(entry);
    try {
      stamp = readStamp(entry);
      if (!usable(stamp, nextVersion)) {
        // Older builds of the same fixture are of content that no longer exists.
        for (const other of readdirSync(install.cache)) {
          if (other.startsWith(`${name}-`) && !other.endsWith('.lock')) rmSync(path.join(install.cache, other), { recursive: true, force: true });
        }
        cpSync(source, entry, { recursive: true, filter: (f) => !/[\\/](node_modules|\.next|out)$/.test(f) });
        const build = await nextBuild(entry, install);
        stamp = { runId: runId(), nextVersion, build };
        // Written last and atomically: its presence means the build is complete.
        writeFileSync(path.join(entry, '.ground-truth.json.tmp'), JSON.stringify(stamp));
        renameSync(path.join(entry, '.ground-truth.json.tmp'), path.join(entry, '.ground-truth.json'));
      }
    } finally {
      release();
    }
  }
  return { dir: entry, nextVersion, build: stamp.build };
}

/** Like groundTruth, but a failed build fails the caller with the build's output. */
export async function builtFixture(fixture: string, install: NextInstall = PINNED): Promise<GroundTruth> {
  const truth = await groundTruth(fixture, install);
  if (truth.build.code !== 0) {
    throw new Error(`next build of ${fixture} failed (exit ${truth.build.code}):\n${truth.build.stdout}\n${truth.build.stderr}`);
  }
  return truth;
}
