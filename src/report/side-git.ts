import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, symlink, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SideError, type SideLabel } from './side.js';

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

/**
 * Runs `read` on the cwd's counterpart in a temporary `git worktree` of `ref`, and always removes the
 * worktree afterwards, also when reading fails: a CI job must not leave checkouts (or `git worktree list`
 * entries) behind. The live checkout's node_modules folders are linked in, because a route model runs the
 * project's own modules and a worktree has no installed packages.
 */
export async function withGitWorktree<T>(
  cwd: string,
  spec: string,
  label: SideLabel,
  read: (dirInCheckout: string) => Promise<T>,
): Promise<T> {
  const { ref } = parseGitSpec(spec);
  const fail = (reason: string): never => {
    throw new SideError(label, spec, reason);
  };
  if (!ref || ref.startsWith('-')) fail(`"${ref}" is not a git ref`);
  const top = await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => fail(`${cwd} is not inside a git repository`));
  const commit = await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(() =>
    fail(`unknown git ref "${ref}"`),
  );
  const where = path.relative(await realpath(top), await realpath(cwd));
  const temp = await mkdtemp(path.join(os.tmpdir(), 'zfb-next-diff-'));
  const checkout = path.join(temp, 'checkout');
  const links: string[] = [];
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
    return await read(dir);
  } finally {
    // Links first, so that a forced removal can never reach into the live node_modules.
    for (const link of links) await unlink(link).catch(() => undefined);
    await git(top, ['worktree', 'remove', '--force', checkout]).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    await git(top, ['worktree', 'prune']).catch(() => undefined);
  }
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
