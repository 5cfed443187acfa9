import { execFile, execFileSync } from 'node:child_process';
import { existsSync, rmSync, unlinkSync } from 'node:fs';
import { mkdtemp, realpath, rm, symlink, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SideError, type SideLabel } from './side.js';
import { isAlive } from '../process-alive.js';

const run = promisify(execFile);

export interface GitSpec {
  ref: string;
  /** What to read inside the checkout, relative to the cwd's place in the repository; '.' by default. */
  inner: string;
}

/** `git:<ref>` or `git:<ref>:<path>` (a git ref cannot contain `:`, so the first colon after the ref splits). */
export function parseGitSpec(spec: string): GitSpec {
  const rest = spec.slice('git:'.length);
  const colon = rest.indexOf(':');
  return colon === -1 ? { ref: rest, inner: '.' } : { ref: rest.slice(0, colon), inner: rest.slice(colon + 1) || '.' };
}

/** Temporary checkouts are named for the process that made them, so a later run can tell an orphan. */
const TEMP_PREFIX = 'zfb-next-diff-';
const ORPHAN = new RegExp(`${TEMP_PREFIX}(\\d+)-[^/\\\\]+[/\\\\]checkout$`);

/**
 * Runs `read` on `<path>` of the spec (the cwd's counterpart by default) in a temporary `git worktree` of
 * `ref`, and always removes the worktree afterwards: when reading fails, and when the process is stopped by
 * SIGINT, SIGTERM or SIGHUP. A checkout left by a process that was killed outright (SIGKILL) is removed by
 * the next run. The path must stay inside the checkout, also through links, so that a `git:` side never
 * reads the live tree. The live checkout's node_modules folders are linked in, because a route model runs
 * the project's own modules and a worktree has no installed packages.
 */
export async function withGitWorktree<T>(
  cwd: string,
  spec: string,
  label: SideLabel,
  read: (targetInCheckout: string) => Promise<T>,
): Promise<T> {
  const { ref, inner } = parseGitSpec(spec);
  const fail = (reason: string): never => {
    throw new SideError(label, spec, reason);
  };
  if (!ref || ref.startsWith('-')) fail(`"${ref}" is not a git ref`);
  if (path.isAbsolute(inner)) fail(`"${inner}" is an absolute path; the path of a git: side is read inside the checkout, relative to the current directory`);
  const top = await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => fail(`${cwd} is not inside a git repository`));
  const commit = await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(() =>
    fail(`unknown git ref "${ref}"`),
  );
  const where = path.relative(await realpath(top), await realpath(cwd));
  if (isOutside(path.join(where, inner))) fail(`"${inner}" leads outside the repository`);
  await removeOrphans(top);

  const temp = await mkdtemp(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  const checkout = path.join(temp, 'checkout');
  const links: string[] = [];
  const cleanUp = (): void => {
    // Links first, so that a forced removal can never reach into the live node_modules.
    for (const link of links) tryQuietly(() => unlinkSync(link));
    tryQuietly(() => execFileSync('git', ['worktree', 'remove', '--force', checkout], { cwd: top, stdio: 'ignore' }));
    tryQuietly(() => rmSync(temp, { recursive: true, force: true }));
    tryQuietly(() => execFileSync('git', ['worktree', 'prune'], { cwd: top, stdio: 'ignore' }));
  };
  const stopCleanUpOnSignal = cleanUpOnSignal(cleanUp);
  try {
    await git(top, ['worktree', 'add', '--detach', '--quiet', checkout, commit]).catch((error: Error) =>
      fail(`git worktree add failed: ${error.message.trim()}`),
    );
    const dir = path.join(checkout, where);
    for (const relative of ancestry(where)) {
      const live = path.join(top, relative, 'node_modules');
      const linked = path.join(checkout, relative, 'node_modules');
      if (existsSync(live) && existsSync(path.dirname(linked)) && !existsSync(linked)) {
        await symlink(live, linked, 'dir');
        links.push(linked);
      }
    }
    const target = path.resolve(dir, inner);
    if (existsSync(target) && isOutside(path.relative(await realpath(checkout), await realpath(target)))) {
      fail(`"${inner}" is a link that leads outside the checkout`);
    }
    return await read(target);
  } finally {
    stopCleanUpOnSignal();
    for (const link of links) await unlink(link).catch(() => undefined);
    await git(top, ['worktree', 'remove', '--force', checkout]).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    await git(top, ['worktree', 'prune']).catch(() => undefined);
  }
}

function isOutside(relative: string): boolean {
  const normal = path.normalize(relative);
  return normal === '..' || normal.startsWith(`..${path.sep}`) || path.isAbsolute(normal);
}

function tryQuietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Cleaning up as far as possible; the next run removes what is left.
  }
}

const cleanUps = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** On a stop signal, removes every checkout still in use, then stops the process as the signal would have. */
function onSignal(signal: NodeJS.Signals): void {
  for (const cleanUp of cleanUps) cleanUp();
  cleanUps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function cleanUpOnSignal(cleanUp: () => void): () => void {
  if (cleanUps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  cleanUps.add(cleanUp);
  return () => {
    cleanUps.delete(cleanUp);
    if (cleanUps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/** Worktrees of this command whose process is gone (killed before it could clean up), and their folders. */
async function removeOrphans(top: string): Promise<void> {
  const list = await git(top, ['worktree', 'list', '--porcelain']).catch(() => '');
  for (const line of list.split('\n')) {
    if (!line.startsWith('worktree ')) continue;
    const checkout = line.slice('worktree '.length);
    const match = ORPHAN.exec(checkout);
    if (!match || isAlive(Number(match[1]))) continue;
    await git(top, ['worktree', 'remove', '--force', checkout]).catch(() => undefined);
    const temp = path.dirname(checkout);
    if (path.basename(temp).startsWith(TEMP_PREFIX)) await rm(temp, { recursive: true, force: true });
  }
  await git(top, ['worktree', 'prune']).catch(() => undefined);
}

/** '' , 'a', 'a/b' for 'a/b': the repository root and every folder down to the cwd. */
function ancestry(relative: string): string[] {
  const parts = relative.split(path.sep).filter(Boolean);
  return parts.reduce<string[]>((acc, part) => [...acc, path.join(acc[acc.length - 1] ?? '', part)], ['']);
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}
