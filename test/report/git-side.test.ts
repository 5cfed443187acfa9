import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/report/diff-report.js';
import { runDiff } from '../../src/report/run-diff.js';
import { repoRoot, routesJson } from './helpers.js';

let repo: string;
const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const leftovers = (): string[] => readdirSync(os.tmpdir()).filter((name) => name.startsWith('zfb-next-diff-')).sort();
const worktrees = (): number => git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

beforeAll(() => {
  repo = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'zfb-next-git-side-')));
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  mkdirSync(path.join(repo, 'site'));
  writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
  const write = (slugs: string[]) =>
    writeFileSync(path.join(repo, 'site/routes.json'), routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: slugs.map((s) => `/p/${s}`) }]));
  write(['a', 'b', 'c']);
  git('add', '.');
  git('commit', '--quiet', '-m', 'three');
  git('tag', 'three');
  write(['a', 'b']);
  git('commit', '--quiet', '-am', 'two');
  // Installed packages are untracked: the checkout must see them, and removing it must not touch them.
  mkdirSync(path.join(repo, 'node_modules/some-package'), { recursive: true });
  writeFileSync(path.join(repo, 'node_modules/some-package/index.js'), 'export {};\n');
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('git:<ref> sides', () => {
  it('reads a path at a commit and removes the worktree afterwards', async () => {
    const before = leftovers();
    const result = await runDiff({ base: 'git:three:routes.json', head: 'routes.json', format: 'json', cwd: path.join(repo, 'site'), env: {} });
    expect(result.stderr).not.toContain('cannot read');
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.base).toMatchObject({ spec: 'git:three:routes.json', kind: 'git', urls: 3 });
    expect(report.removed.map((r) => r.url)).toEqual(['/p/c']);
    expect(result.exitCode).toBe(1);
    expect(worktrees()).toBe(1);
    expect(leftovers()).toEqual(before);
  });

  it('computes the model of the cwd in the checkout, with the live node_modules linked in', async () => {
    const before = leftovers();
    const seen: Array<{ dir: string; hasPackage: boolean; routes: string }> = [];
    const result = await runDiff({
      base: 'git:HEAD~1',
      head: 'git:HEAD',
      format: 'json',
      cwd: path.join(repo, 'site'),
      env: {},
      buildModel: async (dir) => {
        const routes = readFileSync(path.join(dir, 'routes.json'), 'utf8');
        seen.push({ dir, hasPackage: existsSync(path.join(dir, '../node_modules/some-package/index.js')), routes });
        return JSON.parse(routes);
      },
    });
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.hasPackage && path.basename(s.dir) === 'site' && !s.dir.startsWith(repo))).toBe(true);
    expect((JSON.parse(result.stdout) as DiffReport).removed.map((r) => r.url)).toEqual(['/p/c']);
    expect(existsSync(path.join(repo, 'node_modules/some-package/index.js'))).toBe(true);
    expect(worktrees()).toBe(1);
    expect(leftovers()).toEqual(before);
  });

  it('removes the worktree when reading the checkout fails, and names the side', async () => {
    const before = leftovers();
    const missing = await runDiff({ base: 'routes.json', head: 'git:three:nope.json', cwd: path.join(repo, 'site'), env: {} });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe('zfb-next diff: cannot read the head side "git:three:nope.json": no such file or directory\n');

    const throwing = await runDiff({
      base: 'git:three',
      head: 'routes.json',
      cwd: path.join(repo, 'site'),
      env: {},
      buildModel: async () => {
        throw new Error('no `pages/` or `app/` directory found');
      },
    });
    expect(throwing.exitCode).toBe(2);
    expect(throwing.stderr).toBe('zfb-next diff: cannot read the base side "git:three": no `pages/` or `app/` directory found\n');
    expect(existsSync(path.join(repo, 'node_modules/some-package/index.js'))).toBe(true);
    expect(worktrees()).toBe(1);
    expect(leftovers()).toEqual(before);
  });

  it('refuses an unknown ref without creating anything', async () => {
    const before = leftovers();
    const result = await runDiff({ base: 'git:no-such-ref', head: 'routes.json', cwd: path.join(repo, 'site'), env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('zfb-next diff: cannot read the base side "git:no-such-ref": unknown git ref "no-such-ref"\n');
    expect(worktrees()).toBe(1);
    expect(leftovers()).toEqual(before);
  });
});

describe('git:<ref>:<path> stays inside the checkout', () => {
  it('refuses an absolute path, a path up out of the repository, and a committed link that leads out', async () => {
    const outside = path.join(os.tmpdir(), `zfb-next-outside-${process.pid}.json`);
    writeFileSync(outside, routesJson([{ pattern: '/secret', file: 'pages/secret.tsx', urls: ['/secret'] }]));
    symlinkSync(outside, path.join(repo, 'site/link.json'));
    git('add', 'site/link.json');
    git('commit', '--quiet', '-m', 'a link out');
    try {
      const cwd = path.join(repo, 'site');
      const cases: Array<[string, string]> = [
        [`git:HEAD:${outside}`, `"${outside}" is an absolute path; the path of a git: side is read inside the checkout, relative to the current directory`],
        [`git:HEAD:../../${path.basename(outside)}`, `"../../${path.basename(outside)}" leads outside the repository`],
        ['git:HEAD:link.json', '"link.json" is a link that leads outside the checkout'],
      ];
      for (const [spec, reason] of cases) {
        const before = leftovers();
        const result = await runDiff({ base: spec, head: 'routes.json', cwd, env: {} });
        expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `zfb-next diff: cannot read the base side "${spec}": ${reason}\n` });
        expect(worktrees()).toBe(1);
        expect(leftovers()).toEqual(before);
      }
      // A path that goes up and comes back inside the repository is fine.
      const inside = await runDiff({ base: 'git:three:../site/routes.json', head: 'routes.json', format: 'json', cwd, env: {} });
      expect(inside.exitCode).toBe(1);
    } finally {
      git('reset', '--quiet', '--hard', 'HEAD~1');
      rmSync(outside, { force: true });
    }
  });
});

describe('a git: side whose process is stopped', () => {
  let project: string;
  const gitIn = (...args: string[]): string => execFileSync('git', args, { cwd: project, encoding: 'utf8' }).trim();
  const registered = (): string[] => gitIn('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).slice(1);

  beforeAll(() => {
    // A project whose getStaticPaths never returns while the test waits: reading the git side hangs.
    project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'zfb-next-git-stop-')));
    writeFileSync(path.join(project, 'next.config.js'), 'module.exports = {};\n');
    writeFileSync(path.join(project, 'package.json'), '{"private":true}\n');
    mkdirSync(path.join(project, 'pages/p'), { recursive: true });
    writeFileSync(
      path.join(project, 'pages/p/[id].jsx'),
      'export default function P() { return null; }\n' +
        'export async function getStaticPaths() { await new Promise((r) => setTimeout(r, 120000)); return { paths: [], fallback: false }; }\n' +
        'export function getStaticProps() { return { props: {} }; }\n',
    );
    gitIn('init', '--quiet', '--initial-branch=main');
    gitIn('config', 'user.email', 'test@example.com');
    gitIn('config', 'user.name', 'test');
    gitIn('add', '.');
    gitIn('commit', '--quiet', '-m', 'slow');
  });

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  /** Starts `zfb-next diff git:HEAD .` and resolves once its worktree is registered. */
  async function startHanging(): Promise<ReturnType<typeof spawn>> {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/zfb-next.js'), 'diff', 'git:HEAD', '.'], { cwd: project, stdio: 'ignore' });
    for (let i = 0; i < 600 && registered().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(registered()).toHaveLength(1);
    // The checkout is in place; give the model a moment to start running the project's code.
    await new Promise((r) => setTimeout(r, 500));
    return child;
  }

  const exited = (child: ReturnType<typeof spawn>): Promise<NodeJS.Signals | null> => new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

  it('SIGTERM and SIGINT: the worktree is removed before the process stops', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const before = leftovers();
      const child = await startHanging();
      const stopped = exited(child);
      child.kill(signal);
      expect(await stopped).toBe(signal);
      expect(registered()).toEqual([]);
      expect(leftovers()).toEqual(before);
    }
  });

  it('SIGKILL leaves a worktree no process can clean; the next run removes it', async () => {
    const before = leftovers();
    const child = await startHanging();
    const stopped = exited(child);
    child.kill('SIGKILL');
    expect(await stopped).toBe('SIGKILL');
    expect(registered()).toHaveLength(1);
    const next = await runDiff({ base: 'git:HEAD:package.json', head: 'package.json', cwd: project, env: {} });
    expect(next.stderr).toContain('cannot read the base side');
    expect(registered()).toEqual([]);
    expect(leftovers()).toEqual(before);
  });
});

describe('git:<ref> of a real project', () => {
  let project: string;
  const gitIn = (...args: string[]): string => execFileSync('git', args, { cwd: project, encoding: 'utf8' }).trim();

  beforeAll(() => {
    project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'zfb-next-git-project-')));
    cpSync(path.join(repoRoot, 'fixtures/diff-site-zfb-same'), path.join(project, 'site'), { recursive: true });
    writeFileSync(path.join(project, '.gitignore'), 'node_modules\n');
    // The project's packages, installed (untracked) at the repository root as in any checkout.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    gitIn('init', '--quiet', '--initial-branch=main');
    gitIn('config', 'user.email', 'test@example.com');
    gitIn('config', 'user.name', 'test');
    gitIn('add', '.');
    gitIn('commit', '--quiet', '-m', 'site');
    const page = path.join(project, 'site/pages/posts/[slug].tsx');
    writeFileSync(page, readFileSync(page, 'utf8').replace("'second', ", ''));
  });

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('computes the route model at the commit and compares it with the working tree', async () => {
    const before = leftovers();
    const result = await runDiff({ base: 'git:HEAD', head: '.', format: 'json', cwd: path.join(project, 'site'), env: {} });
    expect(result.stderr).not.toContain('cannot read');
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.base.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.base.urls).toBe(7);
    expect(report.removed.map((r) => [r.url, r.base.file])).toEqual([['/posts/second', 'pages/posts/[slug].tsx']]);
    expect(result.exitCode).toBe(1);
    expect(gitIn('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length).toBe(1);
    expect(leftovers()).toEqual(before);
    expect(existsSync(path.join(repoRoot, 'node_modules/preact/package.json'))).toBe(true);
  });
});
