import type { Diagnostic } from '../model/types.js';
import type { CallInfo, KnownFault } from './call-guard.js';

/**
 * Messages between the CLI process and the host process that runs one project's user code (host.ts is the
 * CLI side, host-main.ts the host side), over Node's IPC channel.
 */

export type TaskName =
  /** The route model, as JSON text of the model object. */
  | 'route-model'
  /** The route model in the routes JSON contract's own form (what `routes --json` prints). */
  | 'routes-json'
  | 'discover'
  /**
   * zfb-next build: the model, bundles and stylesheets (build/host-tasks.ts), reported as JSON text in the
   * first progress part; then renders URLs as `render` does.
   */
  | 'build'
  /** zfb-next build: renders a share of the URLs, reporting each with its page as progress. */
  | 'render';

export interface TaskRequest {
  type: 'task';
  task: TaskName;
  root: string;
  /** Where the host writes its bundles; the CLI side removes it. */
  tmpDir: string;
  /** Calls an earlier host hung or died in: the new host reports them instead of making them again. */
  knownFaults: KnownFault[];
  /** Overrides the config's staticPageGenerationTimeout (milliseconds). */
  limitMs?: number;
  /**
   * Tell the CLI side when each call starts and ends, so that it can name the call that hung or ended the
   * process. A message per call is slow (a call per URL); the first host sends heartbeats instead, and only
   * a host that went silent or died is run again with this set.
   */
  announceCalls: boolean;
  /** What the task works on, beyond the project root (the URLs a render host renders, ...). */
  payload?: unknown;
  /**
   * The host writes the task's text as UTF-8 to PRINT_FD, a pipe the CLI side copies to its stdout as the
   * bytes come, instead of sending it as a message: the routes JSON of a 100,000-URL project is 12 MB, and
   * serializing it, passing it and writing it out again cost a tenth of the run. User code has finished by
   * then; its own output still goes to the host's stdout and stderr.
   */
  print?: boolean;
}

/** The host's descriptor for the task's text, in a host started for a task that prints (a pipe). */
export const PRINT_FD = 4;

/** The CLI side's answer to a host's `want`: more work for the running task (an empty list: no more). */
export interface MoreMessage {
  type: 'more';
  value: unknown[];
}

export const HEARTBEAT_MS = 500;

/** What a task hands back: its result as text, and a small summary the CLI side can act on. */
export interface TaskOutput {
  /** JSON text (a model, a project) or the final routes JSON: text crosses processes far faster than objects. */
  text: string;
  /** Error diagnostics in the result (for the exit code without parsing the text). */
  errors: number;
  /** What user code did outside the calls the task made (late exceptions, process.exit in a timer). */
  faults: Diagnostic[];
  /** How many bytes of text the host wrote to PRINT_FD (TaskRequest.print); `text` is then empty. */
  printed?: number;
}

export type HostMessage =
  /** Sent every HEARTBEAT_MS while the host's event loop runs, with the time limit now in force. */
  | { type: 'alive'; limitMs: number }
  | { type: 'call-start'; id: number; call: CallInfo; limitMs: number }
  | { type: 'call-end'; id: number }
  /**
   * Parts of the result (rendered URLs), sent soon after they are known: a few at a time, since a message
   * per URL costs the host more than writing the page (host-main.ts ProgressBatch).
   */
  | { type: 'progress'; values: unknown[] }
  /** The task asks for more work (answered by a MoreMessage). */
  | { type: 'want' }
  /**
   * The host's calls are over and it writes its text to PRINT_FD, which takes as long as the CLI side's
   * stdout takes it: the CLI side stops watching for silence, and a host that dies now cannot be run again.
   */
  | { type: 'printing' }
  | { type: 'done'; output: TaskOutput }
  | { type: 'failed'; error: { name: string; message: string } };
