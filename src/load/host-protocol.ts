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
  | 'discover';

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
}

/** What a task hands back: its result as text, and a small summary the CLI side can act on. */
export interface TaskOutput {
  /** JSON text (a model, a project) or the final routes JSON: text crosses processes far faster than objects. */
  text: string;
  /** Error diagnostics in the result (for the exit code without parsing the text). */
  errors: number;
  /** What user code did outside the calls the task made (late exceptions, process.exit in a timer). */
  faults: Diagnostic[];
}

export type HostMessage =
  | { type: 'call-start'; id: number; call: CallInfo; limitMs: number }
  | { type: 'call-end'; id: number }
  | { type: 'done'; output: TaskOutput }
  | { type: 'failed'; error: { name: string; message: string } };
