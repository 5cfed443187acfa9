import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { describeCall, timeoutMessage, type CallInfo, type KnownFault } from './call-guard.js';
import { PRINT_FD, type HostMessage, type MoreMessage, type TaskName, type TaskOutput, type TaskRequest } from './host-protocol.js';
import { onExitCleanup } from './exit-cleanup.js';
import { isAlive } from '../process-alive.js';
import { removeTree } from './remove-tree.js';
import { takeHost } from './host-process.js';

export { prewarmHosts, type HostPreload } from './host-process.js';

/**
 * Runs a task over one project's user code in a child process of its own (host-main.ts), so that nothing the
 * code does reaches this process: its output is captured (and shown on our stderr, never our stdout),
 * `process.exit` and stray exceptions become diagnostics, and a call that never yields is stopped after
 * the time limit, named, and skipped in a fresh host that finishes the task. The first host only sends a
 * heartbeat; one that goes silent or dies is run again announcing each call, which names the culprit.
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
  /**
   * More work for a task that asks for it as it goes (a render host's next URLs); an empty list when there
   * is none. Work handed out this way belongs to the host's payload from then on, for a restart.
   */
  more?: () => unknown[];
  /** A temporary folder the caller owns and removes (several hosts of one build share their bundles). */
  tmpDir?: string;
  /** Stops the host (and the task fails with an AbortError) when aborted. */
  signal?: AbortSignal;
  /**
   * The task's text goes to this process's stdout as the host writes it (TaskRequest.print), not in the
   * answer: the output's `text` is then empty and `printed` its length in bytes.
   */
  print?: boolean;
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
// Next's default staticPageGenerationTimeout; the host reports the project's own once it has read the config.
const DEFAULT_LIMIT_MS = 60_000;
const TMP_PREFIX = 'zfb-next-';

/**
 * Runs the task and returns its output (text and summary); the temporary folder is gone when it returns,
 * unless the caller gave its own.
 */
export async function runInHost(task: TaskName, root: string, options: HostOptions = {}): Promise<TaskOutput> {
  const owned = options.tmpDir === undefined;
  const tmpDir = options.tmpDir ?? makeHostTmpDir();
  const release = owned ? onExitCleanup(() => rmSync(tmpDir, { recursive: true, force: true })) : () => undefined;
  const knownFaults: KnownFault[] = [];
  let announceCalls = false;
  try {
    for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
      const outcome = await runOnce(task, root, tmpDir, knownFaults, announceCalls, options);
      if (outcome.kind === 'done') return outcome.output;
      if (outcome.kind === 'failed') throw new HostTaskError(outcome.name, outcome.message);
      if (outcome.kind === 'unattributed') announceCalls = true;
      else knownFaults.push(outcome.fault);
    }
    throw new HostTaskError('HostTaskError', `user code of ${root} stopped its host ${MAX_RESTARTS + 1} times; giving up`);
  } finally {
    if (owned) await removeTree(tmpDir);
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

type Outcome =
  | { kind: 'done'; output: TaskOutput }
  | { kind: 'failed'; name: string; message: string }
  /** A call hung or ended the process: run again without it. */
  | { kind: 'retry'; fault: KnownFault }
  /** A host that announced no calls went silent or died: run again announcing them, to learn which call. */
  | { kind: 'unattributed' };

function runOnce(task: TaskName, root: string, tmpDir: string, knownFaults: KnownFault[], announceCalls: boolean, options: HostOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const print = options.print === true;
    const child = takeHost(task, print);
    const printed = print ? copyPrinted(child) : undefined;
    const release = onExitCleanup(() => child.kill('SIGKILL'));
    const running = new Map<number, { call: CallInfo; timer: NodeJS.Timeout; limitMs: number }>();
    // Without announced calls: a host silent for longer than the time limit has an event loop a call blocks.
    let silence: NodeJS.Timeout | undefined;
    let limit = options.limitMs ?? DEFAULT_LIMIT_MS;
    let settled = false;
    // Writing its text, the host waits for our stdout to take it: silence then means nothing.
    let printing = false;
    // The host has answered; what it printed may still be on its way.
    let answered = false;
    const heard = (limitMs = limit): void => {
      // A heartbeat that arrives after the answer must not keep this process waiting.
      if (announceCalls || settled || printing) return;
      limit = limitMs;
      clearTimeout(silence);
      silence = setTimeout(() => finish({ kind: 'unattributed' }), limitMs + GRACE_MS);
    };
    const finish = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(silence);
      for (const { timer } of running.values()) clearTimeout(timer);
      release();
      // A host that answered ends by itself (this process need not wait for it); one that did not is stopped.
      if (outcome.kind === 'done') {
        child.unref();
        child.channel?.unref();
      } else {
        child.kill('SIGKILL');
      }
      letGoOfOutput(child);
      resolve(outcome);
    };

    const onAbort = (): void => finish({ kind: 'failed', name: 'AbortError', message: 'stopped' });
    if (options.signal?.aborted) queueMicrotask(onAbort);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('exit', () => options.signal?.removeEventListener('abort', onAbort));
    forwardOutput(child, options);
    child.on('message', (message: HostMessage) => {
      switch (message.type) {
        case 'alive':
          return heard(message.limitMs);
        case 'call-start': {
          if (settled) return;
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
        case 'progress':
          heard();
          for (const value of message.values) options.onProgress?.(value);
          return;
        case 'want':
          if (!settled) child.send({ type: 'more', value: options.more?.() ?? [] } satisfies MoreMessage);
          return;
        case 'printing':
          printing = true;
          clearTimeout(silence);
          return;
        case 'done':
          if (printed && message.output.printed !== undefined) {
            const { output } = message;
            answered = true;
            printed(output.printed!).then(
              () => finish({ kind: 'done', output }),
              () => finish({ kind: 'failed', name: 'HostTaskError', message: `the result of the process running the user code of ${root} was cut short` }),
            );
            return;
          }
          return finish({ kind: 'done', output: message.output });
        case 'failed':
          return finish({ kind: 'failed', name: message.error.name, message: message.error.message });
      }
    });
    child.on('error', (error) => {
      finish({ kind: 'failed', name: 'HostTaskError', message: `the process for the user code of ${root} could not run: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
      if (answered) return;
      const last = [...running.values()].pop();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (printing) {
        // Part of the text may be on our stdout already: running the task again would print it twice.
        finish({ kind: 'failed', name: 'HostTaskError', message: `the process running the user code of ${root} stopped while it passed on its result (${how})` });
      } else if (last) {
        const message = `${describeCall(last.call)} ended the process that runs it (${how}); Next.js would fail the build`;
        finish({ kind: 'retry', fault: { ...last.call, code: 'USER_CRASH', message } });
      } else if (!announceCalls) {
        finish({ kind: 'unattributed' });
      } else {
        finish({ kind: 'failed', name: 'HostTaskError', message: `the process running the user code of ${root} stopped unexpectedly (${how})` });
      }
    });
    const request: TaskRequest = { type: 'task', task, root, tmpDir, knownFaults, announceCalls };
    if (options.limitMs !== undefined) request.limitMs = options.limitMs;
    if (options.payload) request.payload = options.payload();
    if (print) request.print = true;
    heard();
    child.send(request);
  });
}

/**
 * Copies what a host writes to PRINT_FD to this process's stdout as it comes, up to the length its answer
 * names; the promise returned settles once that much is copied. The end of the pipe is not waited for: a
 * process that user code started may hold it open.
 */
function copyPrinted(child: ChildProcess): (bytes: number) => Promise<void> {
  const pipe = child.stdio[PRINT_FD] as Readable;
  let copied = 0;
  let wanted = Infinity;
  let settle: ((whole: boolean) => void) | undefined;
  let closed = false;
  pipe.on('data', (chunk: Buffer) => {
    const part = chunk.subarray(0, Math.max(0, wanted - copied));
    if (part.length > 0) process.stdout.write(part);
    copied += part.length;
    if (copied >= wanted) settle?.(true);
  });
  pipe.on('close', () => {
    closed = true;
    settle?.(copied >= wanted);
  });
  return (bytes) =>
    new Promise((resolve, reject) => {
      wanted = bytes;
      settle = (whole) => {
        settle = undefined;
        pipe.destroy();
        if (whole) resolve();
        else reject(new Error('cut short'));
      };
      if (copied >= wanted || closed) settle(copied >= wanted);
    });
}

// How long the host's output is still read once the task is over (the host writes its last output before
// it answers, but the pipes and the IPC channel are read in no fixed order).
const OUTPUT_GRACE_MS = 250;

/**
 * Closes our end of the host's output pipes shortly after the task is over. A process that user code
 * started with its output inherited (a server, a watcher) holds the pipes open after the host ends, and
 * reading them would keep this process waiting for that one.
 */
function letGoOfOutput(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream || stream.destroyed || stream.readableEnded) continue;
    const timer = setTimeout(() => stream.destroy(), OUTPUT_GRACE_MS);
    timer.unref();
    stream.once('close', () => clearTimeout(timer));
  }
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
