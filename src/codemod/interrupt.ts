/**
 * SIGINT and SIGTERM during a run that writes: the run stops taking files and ends once the writes under way
 * are in place, so no file is left half-written or moved without its old copy removed. The flag lives in
 * shared memory so worker threads see it between two files. A second signal ends the process at once, the
 * way it would have ended without this.
 */
export interface Interrupt {
  /** Set (to 1) once a signal came; workers read it with Atomics.load. */
  readonly flag: Int32Array;
  /** The signal that came, if any. */
  signal(): NodeJS.Signals | undefined;
  /** Calls `listener` when a signal comes (the pool wakes up to stop). */
  onSignal(listener: () => void): void;
  /** Puts the default handling back. */
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function watchInterrupts(): Interrupt {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let received: NodeJS.Signals | undefined;
  const listeners: (() => void)[] = [];
  const dispose = (): void => {
    for (const signal of SIGNALS) process.off(signal, handle);
  };
  function handle(signal: NodeJS.Signals): void {
    if (received) {
      dispose();
      process.kill(process.pid, signal);
      return;
    }
    received = signal;
    Atomics.store(flag, 0, 1);
    for (const listener of listeners) listener();
  }
  for (const signal of SIGNALS) process.on(signal, handle);
  return { flag, signal: () => received, onSignal: (listener) => listeners.push(listener), dispose };
}

/** No signal watching (a dry run writes nothing, so the default handling is safe). */
export function noInterrupts(): Interrupt {
  return { flag: new Int32Array(new SharedArrayBuffer(4)), signal: () => undefined, onSignal: () => undefined, dispose: () => undefined };
}
