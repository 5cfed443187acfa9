import type { Diagnostic } from '../model/types.js';
import type { CallInfo, KnownFault } from './call-guard.js';

/**
 * Messages between the CLI process and the host process that runs one project's user code (host.ts is the
 * CLI side, host-main.ts the host side). Sent over Node's IPC channel with the structured-clone
 * serialisation, so `undefined` inside params survives the trip.
 */

export type TaskName = 'route-model' | 'discover';

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

export type HostMessage =
  | { type: 'call-start'; id: number; call: CallInfo; limitMs: number }
  | { type: 'call-end'; id: number }
  /** Something user code did outside any call it was asked to make (a late exception, process.exit). */
  | { type: 'fault'; diagnostic: Diagnostic }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: { name: string; message: string } };
