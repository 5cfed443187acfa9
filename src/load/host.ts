import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/types.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { describeCall, timeoutMessage, type CallInfo, type KnownFault } from './call-guard.js';
import type { HostMessage, TaskName, TaskRequest } from './host-protocol.js';
import { onExitCleanup } from './exit-cleanup.js';

/**
 * Runs a task over one project's user code in a child process of its own (host-main.ts), so that nothing the
 * code does reaches this process: its output is captured (and shown on our stderr, never our stdout),
 * `process.exit` and stray exceptions become diagnostics, and a call that never yields is stopped after
 * the time limit, named, and skipped in a fresh host that finishes the task.
 */

export interface HostOptions {
  /** Where user code's stdout and stderr go, line by line; our stderr by default. */
  userOutput?: Writable;
  /** Put before each line of user output (`base`, `head` for the two sides of a diff). */
  label?: string;
  /** Overrides the project's staticPageGenerationTimeout, in milliseconds. */
  limitMs?: number;
  /** What the task works on; asked again before every restart, so a restarted host skips finished work. */
  payload?: () => unknown;
  /** Parts of the result as the host sends them (a render host reports each URL). */
  onProgress?: (part: unknown) => void;
  /** A temporary folder the caller owns and removes (several hosts of one build share their bundles). */
  tmpDir?: string;
  /** Stops the host (and the task fails with an AbortError) when aborted. */
  signal?: AbortSignal;
  /** Extra environment for the host (NODE_OPTIONS for its heap, ...). */
  env?: Record<string, string>;
}

export interface HostResult<T> {
  value: T;
  /** What user code did outside the calls the task made: late exceptions, process.exit, hung calls. */
  faults: Diagnostic[];
}

/** The host could not finish the task: a project that is not one (`ProjectError`), or a host that kept dying. */
export class HostTaskError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

// After the in-host timer had its chance to report an async hang, how long before the host is stopped.
const GRACE_MS = 2_000;
const MAX_RESTARTS = 20;
const TMP_PREFIX = 'zfb-next-';

export async function runInHost<T>(task: TaskName, root: string, options: HostOptions = {}): Promise<HostResult<T>> {
  const owned = options.tmpDir === undefined;
  const tmpDir = options.tmpDir ?? makeHostTmpDir();
  const release = owned ? onExitCleanup(() => rmSync(tmpDir, { recursive: true, force: true })) : () => undefined;
  const knownFaults: KnownFault[] = [];
  const faults: Diagnostic[] = [];
  try {
    for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
      const outcome = await runOnce(task, root, tmpDir, knownFaults, options);
      faults.push(...outcome.faults);
      if (outcome.kind === 'done') return { value: outcome.value as T, faults };
      if (outcome.kind === 'failed') throw new HostTaskError(outcome.name, outcome.message);
      knownFaults.push(outcome.fault);
    }
    throw new HostTaskError('HostTaskError', `user code of ${root} stopped its host ${MAX_RESTARTS + 1} times; giving up`);
  } finally {
    if (owned) rmSync(tmpDir, { recursive: true, force: true });
    release();
  }
}

/**
 * A folder in the OS temporary directory for bundles, named after this process so that a later run can
 * remove it if this one is killed before it can (the caller removes it; register it with onExitCleanup).
 */
export function makeHostTmpDir(): string {
  pruneStaleTmpDirs();
  return mkdtempSync(path.join(tmpdir(), `${TMP_PREFIX}${process.pid}-`));
}

type Ending =
  | { kind: 'done'; value: unknown }
  | { kind: 'failed'; name: string; message: string }
  /** A call hung or ended the process: run again without it. */
  | { kind: 'retry'; fault: KnownFault };

type Outcome = Ending & { faults: Diagnostic[] };

function runOnce(task: TaskName, root: string, tmpDir: string, knownFaults: KnownFault[], options: HostOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = fork(hostEntry(), [], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, ...options.env, NODE_ENV: 'production' },
    });
    const release = onExitCleanup(() => child.kill('SIGKILL'));
    const faults: Diagnostic[] = [];
    const running = new Map<number, { call: CallInfo; timer: NodeJS.Timeout; limitMs: number }>();
    let settled = false;
    const finish = (outcome: Ending): void => {
      if (settled) return;
      settled = true;
      for (const { timer } of running.values()) clearTimeout(timer);
      release();
      child.kill('SIGKILL');
      resolve({ ...outcome, faults });
    };

    forwardOutput(child, options);
    const onAbort = (): void => finish({ kind: 'failed', name: 'AbortError', message: 'stopped' });
    if (options.signal?.aborted) queueMicrotask(onAbort);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('exit', () => options.signal?.removeEventListener('abort', onAbort));
    child.on('message', (message: HostMessage) => {
      switch (message.type) {
        case 'call-start': {
          const timer = setTimeout(() => {
            finish({ kind: 'retry', fault: { ...message.call, code: 'USER_TIMEOUT', message: timeoutMessage(message.call, message.limitMs) } });
          }, message.limitMs + GRACE_MS);
          running.set(message.id, { call: message.call, timer, limitMs: message.limitMs });
          return;
        }
        case 'call-end':
          clearTimeout(running.get(message.id)?.timer);
          running.delete(message.id);
          return;
        case 'fault':
          faults.push(message.diagnostic);
          return;
        case 'progress':
          options.onProgress?.(message.value);
          return;
        case 'done':
          return finish({ kind: 'done', value: message.value });
        case 'failed':
          return finish({ kind: 'failed', name: message.error.name, message: message.error.message });
      }
    });
    child.on('error', (error) => {
      finish({ kind: 'failed', name: 'HostTaskError', message: `the process for the user code of ${root} could not run: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
      const last = [...running.values()].pop();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (last) {
        const message = `${describeCall(last.call)} ended the process that runs it (${how}); Next.js would fail the build`;
        finish({ kind: 'retry', fault: { ...last.call, code: 'USER_CRASH', message } });
      } else {
        finish({ kind: 'failed', name: 'HostTaskError', message: `the process running the user code of ${root} stopped unexpectedly (${how})` });
      }
    });
    const request: TaskRequest = { type: 'task', task, root, tmpDir, knownFaults };
    if (options.limitMs !== undefined) request.limitMs = options.limitMs;
    if (options.payload) request.payload = options.payload();
    child.send(request);
  });
}

function forwardOutput(child: ChildProcess, options: HostOptions): void {
  const target = options.userOutput ?? process.stderr;
  const prefix = `${options.label ? `[${options.label}] ` : ''}user code: `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) target.write(`${prefix}${line}\n`);
    });
    stream?.on('end', () => {
      if (pending) target.write(`${prefix}${pending}\n`);
    });
  }
}

/** The compiled host entry: beside this module once built, else in the CLI bundle (when run from sources). */
function hostEntry(): string {
  const beside = fileURLToPath(new URL('./host-main.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const bundled = path.join(PACKAGE_ROOT, 'dist', 'cli', 'host-main.js');
  if (existsSync(bundled)) return bundled;
  throw new Error('zfb-next: dist/cli/host-main.js is missing; run `npm run build` first');
}

/** Folders of hosts whose CLI process was killed before it could remove them. */
function pruneStaleTmpDirs(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^zfb-next-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
