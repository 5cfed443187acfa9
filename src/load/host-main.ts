/**
 * The host process: runs one task over one project's user code, on behalf of the CLI process (host.ts).
 * Everything the code does stays here: its output goes to this process's stdout/stderr (captured by the
 * CLI side), `process.exit` is turned into an error of the call that made it, and exceptions nobody awaited
 * become diagnostics instead of ending the task.
 */
import type { Diagnostic } from '../model/types.js';
import { CallGuard, describeCall, UserCodeFault, type CallInfo } from './call-guard.js';
import type { HostMessage, TaskRequest } from './host-protocol.js';
import { toCloneable } from './cloneable.js';

function send(message: HostMessage): void {
  process.send?.(message);
}

let guard: CallGuard | undefined;

function blame(): CallInfo | undefined {
  return guard?.current();
}

function faultDiagnostic(code: string, what: string, error: unknown): Diagnostic {
  const call = blame();
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
    send({ type: 'fault', diagnostic: { severity: 'error', code: 'USER_PROCESS_EXIT', message: error.message } });
    return;
  }
  send({ type: 'fault', diagnostic: faultDiagnostic('USER_UNCAUGHT', 'an exception was thrown that no code caught', error) });
});
process.on('unhandledRejection', (reason) => {
  send({ type: 'fault', diagnostic: faultDiagnostic('USER_UNCAUGHT', 'a promise was rejected and no code handled it', reason) });
});

process.exit = ((code?: number | string | null) => {
  const call = blame();
  throw new UserCodeFault(
    'USER_PROCESS_EXIT',
    `process.exit(${code ?? ''}) was called${call ? ` by ${describeCall(call)}` : ' by user code'}: it would end \`next build\` too, so the call is treated as failed`,
  );
}) as typeof process.exit;

process.once('message', (request: TaskRequest) => {
  void runTask(request);
});

async function runTask(request: TaskRequest): Promise<void> {
  guard = new CallGuard(request.limitMs ?? 60_000, {
    start: (id, call, limitMs) => send({ type: 'call-start', id, call, limitMs }),
    end: (id) => send({ type: 'call-end', id }),
  }, request.knownFaults);
  try {
    const value = await perform(request, guard, (part) => send({ type: 'progress', value: toCloneable(part) }));
    send({ type: 'done', value: toCloneable(value) });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    send({ type: 'failed', error: { name, message } });
  }
}

async function perform(request: TaskRequest, taskGuard: CallGuard, progress: (part: unknown) => void): Promise<unknown> {
  switch (request.task) {
    case 'route-model': {
      const { computeRouteModel } = await import('../routes/build-model.js');
      return computeRouteModel(request.root, { guard: taskGuard, tmpDir: request.tmpDir, ...(request.limitMs ? { limitMs: request.limitMs } : {}) });
    }
    case 'discover': {
      const { discoverProject } = await import('../project/discover.js');
      const { withBuildEnv } = await import('../project/env.js');
      return withBuildEnv(request.root, true, () => discoverProject(request.root, { guard: taskGuard }));
    }
    case 'build-prepare': {
      const { prepareTask } = await import('../build/host-tasks.js');
      return prepareTask(request, taskGuard);
    }
    case 'render': {
      const { renderTask } = await import('../build/host-tasks.js');
      return renderTask(request, taskGuard, progress);
    }
  }
}
