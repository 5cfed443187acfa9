/**
 * The host process: runs one task over one project's user code, on behalf of the CLI process (host.ts).
 * Everything the code does stays here: its output goes to this process's stdout/stderr (captured by the
 * CLI side), `process.exit` is turned into an error of the call that made it, and exceptions nobody awaited
 * become diagnostics instead of ending the task.
 */
import type { Diagnostic, RouteModel } from '../model/types.js';
import { CallGuard, describeCall, UserCodeFault, type CallInfo } from './call-guard.js';
import { toCloneable } from './cloneable.js';
import { installFastReadFile } from './fast-read-file.js';
import { HEARTBEAT_MS, PRINT_FD, type HostMessage, type MoreMessage, type TaskOutput, type TaskRequest } from './host-protocol.js';
import { writeAllSync } from './write-fd.js';
import type { PreparedPart } from '../build/host-tasks.js';

const exit = process.exit.bind(process);
let guard: CallGuard | undefined;
const faults: Diagnostic[] = [];

function send(message: HostMessage, then?: () => void): void {
  if (then) process.send?.(message, then);
  else process.send?.(message);
}

function faultDiagnostic(code: string, what: string, error: unknown): Diagnostic {
  const call = guard?.current();
  const message = error instanceof Error ? error.message : String(error);
  const diagnostic: Diagnostic = {
    severity: 'error',
    code,
    message: `${what}${call ? ` while ${describeCall(call)} was running` : ''}: ${message}`,
  };
  if (call) {
    diagnostic.file = call.file;
    if (call.function !== 'import') diagnostic.function = call.function;
  }
  return diagnostic;
}

// Node would end the process; `next build` would fail. Here the task goes on and the user is told.
process.on('uncaughtException', (error) => {
  if (error instanceof UserCodeFault && error.code === 'USER_PROCESS_EXIT') {
    faults.push({ severity: 'error', code: 'USER_PROCESS_EXIT', message: error.message });
    return;
  }
  faults.push(faultDiagnostic('USER_UNCAUGHT', 'an exception was thrown that no code caught', error));
});
process.on('unhandledRejection', (reason) => {
  faults.push(faultDiagnostic('USER_UNCAUGHT', 'a promise was rejected and no code handled it', reason));
});

process.exit = ((code?: number | string | null) => {
  const call = guard?.current();
  throw new UserCodeFault(
    'USER_PROCESS_EXIT',
    `process.exit(${code ?? ''}) was called${call ? ` by ${describeCall(call)}` : ' by user code'}: it would end \`next build\` too, so the call is treated as failed`,
  );
}) as typeof process.exit;

installFastReadFile();

// A host is started before its task arrives (host.ts prewarmHosts): the modules every task needs load
// meanwhile, so that the task finds them ready. A failure here surfaces where the task imports them again.
// esbuild's service (a process of its own) starts at its first call: made now, its start overlaps too.
// The CLI side says which modules the host's task will need (host.ts HostPreload); a render host bundles
// nothing, and loads neither the route model nor esbuild.
const preloaded = (
  process.argv[2] === 'render'
    ? import('../build/render-task.js')
    : Promise.all([process.argv[2] === 'build' ? import('../build/host-tasks.js') : import('../routes/build-model.js'), import('./esbuild.js').then(({ esbuild }) => esbuild.transform(''))])
).catch(() => undefined);

process.once('message', (request: TaskRequest) => {
  void runTask(request);
});

// Answers to `want`, in the order asked (a task asks for more work as it goes: askForMore).
const waitingForMore: ((value: unknown[]) => void)[] = [];
process.on('message', (message: TaskRequest | MoreMessage) => {
  if (message.type === 'more') waitingForMore.shift()?.(message.value);
});

function askForMore(): Promise<unknown[]> {
  return new Promise((resolve) => {
    waitingForMore.push(resolve);
    send({ type: 'want' });
  });
}

async function runTask(request: TaskRequest): Promise<void> {
  await preloaded;
  // A host may be started before its project is known; user code runs with the project root as cwd.
  process.chdir(request.root);
  // The limit the CLI side waits for: a call may come right after the config set it (1 s, say) and never
  // yield, so a new limit is told as the call starts, not at the next heartbeat.
  let toldLimit = request.limitMs ?? 60_000;
  const tell = (limitMs: number): void => {
    if (limitMs === toldLimit) return;
    toldLimit = limitMs;
    send({ type: 'alive', limitMs });
  };
  // The limit in force is the longest of the calls under way: a render (its limit holds a grace for the
  // calls it makes) encloses getStaticProps, and telling each change would be a message per call. Counted
  // per limit, not kept per call: an entry added and deleted per URL makes garbage outlive collections.
  const open = new Map<number, number>();
  const observer = request.announceCalls
    ? {
        start: (id: number, call: CallInfo, limitMs: number) => send({ type: 'call-start', id, call, limitMs }),
        end: (id: number) => send({ type: 'call-end', id }),
      }
    : {
        start: (_id: number, _call: CallInfo, limitMs: number) => {
          open.set(limitMs, (open.get(limitMs) ?? 0) + 1);
          let longest = limitMs;
          for (const [limit, count] of open) if (count > 0 && limit > longest) longest = limit;
          tell(longest);
        },
        end: (_id: number, limitMs: number) => void open.set(limitMs, open.get(limitMs)! - 1),
      };
  const taskGuard = new CallGuard(request.limitMs ?? 60_000, observer, request.knownFaults);
  guard = taskGuard;
  // A call that never yields stops these: the CLI side then knows the event loop is blocked (host.ts).
  if (!request.announceCalls) setInterval(() => send({ type: 'alive', limitMs: toldLimit }), HEARTBEAT_MS).unref();
  let message: HostMessage;
  const progress = new ProgressBatch();
  try {
    const report = (part: unknown, now = false): void => {
      progress.add(toCloneable(part));
      if (now) progress.flush();
    };
    message = { type: 'done', output: await perform(request, taskGuard, report) };
  } catch (error) {
    const { name, message: text } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    message = { type: 'failed', error: { name, message: text } };
  }
  // User output goes first (the CLI side stops listening once it has the answer); then the answer; then this
  // process ends, whatever timers or sockets user code left behind.
  progress.flush();
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  if (request.print && message.type === 'done') message = print(message.output);
  send(message, () => exit(0));
}

/** Writes the task's text to PRINT_FD (TaskRequest.print), and says how many bytes in the answer. */
function print(output: TaskOutput): HostMessage {
  send({ type: 'printing' });
  try {
    return { type: 'done', output: { ...output, text: '', printed: writeAllSync(PRINT_FD, output.text) } };
  } catch (error) {
    return { type: 'failed', error: { name: 'HostTaskError', message: `could not pass the result on: ${(error as Error).message}` } };
  }
}

/**
 * Progress parts go to the CLI side together, at most PROGRESS_MS after the first of them: a message per
 * rendered URL took a host a tenth of its time. A host that dies loses the parts it held back, and the CLI
 * side gives their jobs to the next host, as it does with jobs not yet started.
 */
const PROGRESS_MS = 50;

class ProgressBatch {
  private parts: unknown[] = [];
  private timer: NodeJS.Timeout | undefined;

  add(part: unknown): void {
    this.parts.push(part);
    this.timer ??= setTimeout(() => this.flush(), PROGRESS_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.parts.length === 0) return;
    send({ type: 'progress', values: this.parts });
    this.parts = [];
  }
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => {
      stream.destroy();
      resolve();
    });
  });
}

/** `progress` sends a part within PROGRESS_MS, or at once when `now`. */
async function perform(request: TaskRequest, taskGuard: CallGuard, progress: (part: unknown, now?: boolean) => void): Promise<TaskOutput> {
  switch (request.task) {
    case 'route-model':
    case 'routes-json': {
      const { computeRouteModel } = await import('../routes/build-model.js');
      const model = await computeRouteModel(request.root, { guard: taskGuard, tmpDir: request.tmpDir, inRoot: true, ...(request.limitMs ? { limitMs: request.limitMs } : {}) });
      model.diagnostics.push(...faults.splice(0));
      const errors = model.diagnostics.filter((d) => d.severity === 'error').length;
      if (request.task === 'route-model') return { text: modelText(model), errors, faults: [] };
      const { toRoutesJson } = await import('../routes/routes-json.js');
      return { text: toRoutesJson(model), errors, faults: [] };
    }
    case 'discover': {
      const { discoverProject } = await import('../project/discover.js');
      const { withBuildEnv } = await import('../project/env.js');
      const project = await withBuildEnv(request.root, true, () => discoverProject(request.root, { guard: taskGuard, redirects: (request.payload as { redirects?: boolean } | undefined)?.redirects === true }));
      return { text: JSON.stringify(toCloneable(project)), errors: 0, faults: faults.splice(0) };
    }
    case 'build': {
      const { buildTask } = await import('../build/host-tasks.js');
      // The preparation goes out at once, with the faults so far: the CLI side plans the pages from it
      // and starts the other render hosts while this one renders.
      const onPrepared = (prepared: object): void => progress({ prepared: modelText(prepared), faults: faults.splice(0) } satisfies PreparedPart, true);
      const rendered = await buildTask(request, taskGuard, onPrepared, progress, askForMore);
      return { text: JSON.stringify(rendered), errors: 0, faults: faults.splice(0) };
    }
    case 'render': {
      const { renderTask } = await import('../build/render-task.js');
      const rendered = await renderTask(request, taskGuard, progress, askForMore);
      return { text: JSON.stringify(rendered), errors: 0, faults: faults.splice(0) };
    }
  }
}

/** A model is a JSON contract; only user data inside it (a BigInt in props) can lack a JSON form. */
function modelText(model: RouteModel | object): string {
  try {
    return JSON.stringify(model);
  } catch {
    return JSON.stringify(toCloneable(model), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  }
}
