import type { Diagnostic } from '../model/types.js';
import type { CallInfo, KnownFault } from './call-guard.js';

/**
 * Messages between the CLI process and the host process that runs one project's user code (host.ts is the
 * CLI side, host-main.ts the host side). Sent over Node's IPC channel with the structured-clone
 * serialisation, so `undefined` inside params survives the trip.
 */

export type TaskName = 'route-model' | 'discover' | 'build-prepare' | 'render';

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
  /** What the task works on, beyond the project root (the URLs a render host renders, ...). */
  payload?: unknown;
}

export type HostMessage =
  | { type: 'call-start'; id: number; call: CallInfo; limitMs: number }
  | { type: 'call-end'; id: number }
  /** Something user code did outside any call it was asked to make (a late exception, process.exit). */
  | { type: 'fault'; diagnostic: Diagnostic }
  /** A part of the result, sent as soon as it is known (one rendered URL). */
  | { type: 'progress'; value: unknown }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: { name: string; message: string } };
