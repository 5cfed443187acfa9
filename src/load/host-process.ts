import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-info.js';
import { onExitCleanup } from './exit-cleanup.js';
import { PRINT_FD, type TaskName } from './host-protocol.js';

/**
 * Starting host processes, and the ones started ahead of their tasks (host.ts runs tasks in them). A module
 * of its own, light to load: the executable starts the hosts before anything else (cli/early-hosts.ts).
 */

/**
 * What a host loads while it waits for its task: the route model's modules; the build's preparation (the
 * route model, the bundler and the renderer); or only the renderer, for the hosts that render a build's pages.
 */
export type HostPreload = 'model' | 'build' | 'render';

function preloadFor(task: TaskName): HostPreload {
  return task === 'build' ? 'build' : task === 'render' ? 'render' : 'model';
}

const warmHosts: { child: ChildProcess; preload: HostPreload; print: boolean }[] = [];

/** `print`: the host gets a pipe of its own for the task's text, PRINT_FD (HostOptions.print). */
function startHost(preload: HostPreload, print: boolean): ChildProcess {
  const stdio: ('ignore' | 'pipe' | 'ipc')[] = ['ignore', 'pipe', 'pipe', 'ipc'];
  if (print) stdio[PRINT_FD] = 'pipe';
  return fork(hostEntry(), [preload], {
    stdio,
    serialization: 'advanced',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/**
 * Starts `count` hosts ahead of their tasks, so that their start-up (a Node.js runtime and our loader)
 * overlaps with this process's own. A host not taken by the time this process ends is stopped with it;
 * the function returned stops the ones no task took before that.
 */
export function prewarmHosts(count: number, preload: HostPreload = 'model', print = false): () => void {
  const started: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    const child = startHost(preload, print);
    setHeld(child, false);
    const release = onExitCleanup(() => child.kill('SIGKILL'));
    child.once('exit', release);
    warmHosts.push({ child, preload, print });
    started.push(child);
  }
  return () => {
    for (const child of started) {
      const index = warmHosts.findIndex((warm) => warm.child === child);
      if (index < 0) continue;
      warmHosts.splice(index, 1);
      child.kill('SIGKILL');
    }
  };
}

/**
 * Whether the host keeps this process alive. The process, its IPC channel and its pipes each hold the
 * event loop; a warm host nobody takes must hold none of them, or a command that needed no host never ends.
 */
function setHeld(child: ChildProcess, held: boolean): void {
  for (const handle of [child, child.channel, child.stdout, child.stderr, child.stdio[PRINT_FD]]) {
    const refable = handle as { ref?: () => void; unref?: () => void } | null | undefined;
    if (held) refable?.ref?.();
    else refable?.unref?.();
  }
}

export function takeHost(task: TaskName, print: boolean): ChildProcess {
  const preload = preloadFor(task);
  for (let i = 0; i < warmHosts.length; i++) {
    const { child } = warmHosts[i]!;
    const alive = child.exitCode === null && child.signalCode === null && child.connected;
    if (alive && (warmHosts[i]!.preload !== preload || warmHosts[i]!.print !== print)) continue;
    warmHosts.splice(i--, 1);
    if (!alive) continue;
    setHeld(child, true);
    return child;
  }
  return startHost(preload, print);
}

/** The compiled host entry: beside this module once built, else in the CLI bundle (when run from sources). */
function hostEntry(): string {
  const beside = fileURLToPath(new URL('./host-main.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const bundled = path.join(PACKAGE_ROOT, 'dist', 'cli', 'host-main.js');
  if (existsSync(bundled)) return bundled;
  throw new Error('zfb-next: dist/cli/host-main.js is missing; run `npm run build` first');
}
