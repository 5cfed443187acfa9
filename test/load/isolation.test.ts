import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic, RouteModel } from '../../src/model/types.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * User code runs in a host process of its own: whatever it does, the CLI's exit code, its stdout and the
 * user's files stay ours. Each case is a small project run through the published entry point, with a
 * temporary directory of its own so that leftovers can be counted.
 */

const BIN = path.join(REPO_ROOT, 'bin/zfb-next.js');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'isolation-'));
  made.push(root);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'isolation', private: true, dependencies: { next: '16.4.6' } }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The temporary directory the run was given: empty again once it ended. */
  leftovers: string[];
  ms: number;
}

function routes(dir: string, extra: string[] = []): Promise<Run> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'isolation-tmp-'));
  made.push(tmp);
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'routes', dir, '--json', ...extra], { env: { ...process.env, TMPDIR: tmp }, timeout: 90_000 }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number; signal?: NodeJS.Signals }) | null;
      resolve({
        code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
        signal: failure?.signal ?? null,
        stdout,
        stderr,
        leftovers: readdirSync(tmp),
        ms: Date.now() - started,
      });
    });
  });
}

function parse(run: Run): RouteModel {
  return JSON.parse(run.stdout) as RouteModel;
}

function urls(model: RouteModel): string[] {
  return model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();
}

function find(model: RouteModel, code: string): Diagnostic | undefined {
  return model.diagnostics.find((d) => d.code === code);
}

const STATIC = `export default function Page() { return null; }\n`;
const paths = (body: string) =>
  `export async function getStaticPaths() { ${body} }\nexport async function getStaticProps() { return { props: {} }; }\n${STATIC}`;

describe('user code cannot end, hang or corrupt the run', () => {
  test('process.exit(0) in getStaticPaths is an error naming the file and function; the rest is listed', async () => {
    const dir = project({ 'pages/a/[id].js': paths('process.exit(0);'), 'pages/b.js': STATIC });
    const run = await routes(dir);
    expect(run.code).toBe(1);
    const model = parse(run);
    expect(find(model, 'USER_PROCESS_EXIT')).toMatchObject({ file: 'pages/a/[id].js', function: 'getStaticPaths' });
    expect(find(model, 'USER_PROCESS_EXIT')?.message).toContain('process.exit(0)');
    expect(urls(model)).toEqual(['/b']);
    expect(run.leftovers).toEqual([]);
  });

  test('process.exit while a module loads is that module\'s load error', async () => {
    const dir = project({ 'pages/c.js': `process.exit(0);\n${STATIC}`, 'pages/d.js': STATIC });
    const run = await routes(dir);
    expect(run.code).toBe(1);
    const model = parse(run);
    expect(find(model, 'USER_PROCESS_EXIT')).toMatchObject({ file: 'pages/c.js' });
    // A static page that could not be loaded keeps its URL (load-failures.test.ts).
    expect(urls(model)).toEqual(['/c', '/d']);
  });

  test('console output of the config, a module and a data function goes to stderr, never into --json', async () => {
    const dir = project({
      'next.config.js': `console.log('from the config'); module.exports = {};\n`,
      'pages/p/[id].js': `console.log('from the module');\n` + paths(`console.log('from getStaticPaths'); console.error('to stderr'); return { paths: ['/p/1'], fallback: false };`),
    });
    const run = await routes(dir);
    expect(run.code).toBe(0);
    expect(urls(parse(run))).toEqual(['/p/1']);
    for (const line of ['from the config', 'from the module', 'from getStaticPaths', 'to stderr']) expect(run.stderr).toContain(`user code: ${line}`);
  });

  test('the host prints the routes JSON itself: the bytes the CLI process would write, with none of user code\'s output', async () => {
    const dir = project({
      'pages/p/[id].js': paths(`console.log('from getStaticPaths'); return { paths: ['/p/1', '/p/ü'], fallback: false };`),
      // A timer that writes once the answer is known: the host ends before, as it prints last.
      'pages/q.js': `setTimeout(() => console.log('late'), 0);\n${STATIC}`,
    });
    const run = await routes(dir);
    const inProcess = await runCli(['routes', dir, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(inProcess.stdout);
    expect(run.stdout).not.toContain('from getStaticPaths');
    expect(run.stderr).toContain('user code: from getStaticPaths');
  });

  test('a process user code leaves running, with its output inherited, does not keep the run or whoever reads its output waiting', async () => {
    const dir = project({
      'pages/p/[id].js': paths(
        `const { spawn } = await import('node:child_process'); const fs = await import('node:fs');
const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { detached: true, stdio: 'inherit' });
fs.writeFileSync('lingering.pid', String(child.pid)); child.unref();
return { paths: ['/p/1'], fallback: false };`,
      ),
    });
    const run = await routes(dir);
    process.kill(Number(readFileSync(path.join(dir, 'lingering.pid'), 'utf8')));
    expect(run.code).toBe(0);
    expect(urls(parse(run))).toEqual(['/p/1']);
    // The lingering process sleeps 20 s; the run's own work takes a second or two.
    expect(run.ms).toBeLessThan(15_000);
  });

  test('an unhandled rejection and a late exception from a timer become diagnostics, and the URLs stay', async () => {
    const dir = project({
      'pages/r/[id].js': paths(`Promise.reject(new Error('nobody awaited me')); return { paths: ['/r/1'], fallback: false };`),
      'pages/t/[id].js': paths(
        `setTimeout(() => { throw new Error('thrown from a timer'); }, 5); await new Promise((r) => setTimeout(r, 100)); return { paths: ['/t/1'], fallback: false };`,
      ),
    });
    const run = await routes(dir);
    expect(run.code).toBe(1);
    const model = parse(run);
    const messages = model.diagnostics.filter((d) => d.code === 'USER_UNCAUGHT').map((d) => d.message);
    expect(messages.some((m) => m.includes('nobody awaited me'))).toBe(true);
    expect(messages.some((m) => m.includes('thrown from a timer'))).toBe(true);
    expect(urls(model)).toEqual(['/r/1', '/t/1']);
  });

  test('a getStaticPaths that never yields is stopped after staticPageGenerationTimeout, named, and the model finishes', async () => {
    const dir = project({
      'next.config.js': `module.exports = { staticPageGenerationTimeout: 1 };\n`,
      'pages/spin/[id].js': paths('while (true) {}'),
      'pages/wait/[id].js': paths('await new Promise(() => {});'),
      'pages/ok/[id].js': paths(`return { paths: ['/ok/1'], fallback: false };`),
    });
    const run = await routes(dir);
    expect(run.code).toBe(1);
    const model = parse(run);
    const timeouts = model.diagnostics.filter((d) => d.code === 'USER_TIMEOUT');
    expect(timeouts.map((d) => [d.file, d.function])).toEqual([
      ['pages/spin/[id].js', 'getStaticPaths'],
      ['pages/wait/[id].js', 'getStaticPaths'],
    ]);
    expect(timeouts[0]!.message).toContain('did not finish within 1 s');
    expect(urls(model)).toEqual(['/ok/1']);
    expect(run.leftovers).toEqual([]);
    expect(run.ms).toBeLessThan(45_000);
  });

  test('a getStaticProps that kills its own process is named: the host is run again announcing each call', async () => {
    const dir = project({
      'pages/boom/[id].js':
        `export async function getStaticPaths() { return { paths: ['/boom/1', '/boom/2'], fallback: false }; }\n` +
        `export async function getStaticProps() { process.kill(process.pid, 'SIGKILL'); }\n${STATIC}`,
      'pages/ok/[id].js': paths(`return { paths: ['/ok/1'], fallback: false };`),
    });
    const run = await routes(dir);
    expect(run.code).toBe(1);
    const model = parse(run);
    const crash = model.diagnostics.filter((d) => d.code === 'USER_CRASH');
    expect(crash.length).toBeGreaterThan(0);
    expect(crash[0]).toMatchObject({ file: 'pages/boom/[id].js', function: 'getStaticProps' });
    expect(crash[0]!.message).toContain('ended the process that runs it (signal SIGKILL)');
    expect(urls(model)).toContain('/ok/1');
    expect(run.leftovers).toEqual([]);
  });

  test('a module whose top-level await never settles is a timeout of loading it', async () => {
    const dir = project({
      'next.config.js': `module.exports = { staticPageGenerationTimeout: 1 };\n`,
      'pages/tla.js': `await new Promise(() => {});\n${STATIC}`,
      'pages/fine.js': STATIC,
    });
    const run = await routes(dir);
    expect(run.code).toBe(1);
    const model = parse(run);
    expect(find(model, 'USER_TIMEOUT')).toMatchObject({ file: 'pages/tla.js' });
    expect(urls(model)).toContain('/fine');
  });

  test('a read-only command writes nothing into the project', async () => {
    const dir = project({
      'next.config.js': `module.exports = {};\n`,
      'pages/index.js': STATIC,
      'pages/p/[id].js': paths(`return { paths: ['/p/1'], fallback: false };`),
    });
    mkdirSync(path.join(dir, 'node_modules'));
    const before = snapshot(dir);
    const run = await routes(dir);
    expect(run.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  test('SIGTERM while user code hangs ends the run at once, with its host and temporary files', async () => {
    const dir = project({ 'pages/spin/[id].js': paths('while (true) {}') });
    const tmp = mkdtempSync(path.join(tmpdir(), 'isolation-tmp-'));
    made.push(tmp);
    const child = spawn(process.execPath, [BIN, 'routes', dir, '--json'], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    // Wait until the host has started (its temporary folder exists).
    for (let i = 0; i < 200 && readdirSync(tmp).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    const started = Date.now();
    child.kill('SIGTERM');
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGTERM');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readdirSync(tmp)).toEqual([]);
    expect(processesIn(dir)).toEqual([]);
  });
});

test('the two sides of a diff never share a process: a cache on globalThis does not hide a removed URL', async () => {
  const cached = (slugs: string[]) =>
    paths(`globalThis.__slugs ??= ${JSON.stringify(slugs)}; return { paths: globalThis.__slugs.map((id) => ({ params: { id } })), fallback: false };`);
  const base = project({ 'pages/b/[id].js': cached(['kept', 'removed']) });
  const head = project({ 'pages/b/[id].js': cached(['kept']) });
  const run = await new Promise<{ code: number | null; stdout: string }>((resolve) =>
    execFile(process.execPath, [BIN, 'diff', base, head, '--format', 'json'], (error, stdout) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout }),
    ),
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('/b/removed');
});

/** Every path under `dir` with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      const stat = statSync(full);
      result[path.relative(dir, full)] = `${stat.isDirectory() ? 'dir' : stat.size}:${stat.mtimeMs}`;
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return result;
}

/** Processes whose working directory is `dir` (a host runs in its project's root). */
function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('host-main') && path.resolve(readlinkSync(`/proc/${entry}/cwd`)) === path.resolve(dir)) pids.push(Number(entry));
    } catch {
      // a process that ended meanwhile
    }
  }
  return pids;
}
