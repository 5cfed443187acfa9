import { execFileSync } from 'node:child_process';

/**
 * Whether the git work tree at `dir` has no uncommitted changes. A directory outside any repository counts as
 * clean (there is nothing a codemod could make unrecoverable that git would have kept).
 */
export function isGitClean(dir: string): boolean {
  let inside: string;
  try {
    inside = execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return true;
  }
  if (inside.trim() !== 'true') return true;
  const status = execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return status.trim() === '';
}
