/**
 * Every call into user code (importing a module, calling getStaticPaths, generateStaticParams, paths(),
 * a config function) goes through a guard: it has a time limit, and in the isolated host process
 * (host-main.ts) an observer can tell the parent process which call is running, so that it can stop a call
 * that never yields (`while (true) {}`) and name it.
 */

export interface CallInfo {
  /** Project-relative file that holds the function. */
  file: string;
  /** `getStaticPaths`, `generateStaticParams`, `paths`, `import` (evaluating the module), ... */
  function: string;
  /** The route the call is for, when there is one. */
  route?: string;
}

export type FaultCode = 'USER_TIMEOUT' | 'USER_PROCESS_EXIT' | 'USER_CRASH';

/** What stopped a call that did not simply return or throw. Front-ends report it under its own code. */
export class UserCodeFault extends Error {
  override name = 'UserCodeFault';
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
  }
}

export function faultCode(error: unknown): FaultCode | undefined {
  return error instanceof UserCodeFault ? error.code : undefined;
}

/** A call the parent process already saw fail in an earlier host: it is not made again. */
export interface KnownFault {
  file: string;
  function: string;
  route?: string;
  code: FaultCode;
  message: string;
}

export interface CallObserver {
  start(id: number, call: CallInfo, limitMs: number): void;
  end(id: number, limitMs: number): void;
}

export function describeCall(call: CallInfo): string {
  return `${call.function === 'import' ? 'loading' : `${call.function}() in`} ${call.file}${call.route ? ` (route ${call.route})` : ''}`;
}

interface Running {
  id: number;
  call: CallInfo;
  /** This call's own limit (milliseconds). */
  limitMs: number;
  /** When the call is over its time limit (performance.now()). */
  deadline: number;
  /** Fails the caller's promise: for a call still pending at its deadline. */
  reject: ((error: unknown) => void) | undefined;
  ended: boolean;
  previous: Running | undefined;
  next: Running | undefined;
}

export class CallGuard {
  private nextId = 1;
  /**
   * The calls under way, oldest first, as a linked list rather than a Map: a project makes a call per URL,
   * and with a Map that gained and lost an entry per call, each young-generation collection of a 100,000-URL
   * model copied 3 MB of finished calls and took 10 ms instead of under 1 ms (node --trace-gc).
   */
  private oldest: Running | undefined;
  private newest: Running | undefined;
  /**
   * One timer checks every pending call's deadline, rather than one timer and one race per call: a project
   * makes a call per URL (getStaticProps), and 100,000 timers cost more than the calls themselves.
   */
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    /** Next's `staticPageGenerationTimeout`, in milliseconds. */
    public limitMs: number,
    private readonly observer?: CallObserver,
    private readonly knownFaults: readonly KnownFault[] = [],
  ) {}

  /** The calls under way, most recent last: whom to blame for a stray exception or `process.exit`. */
  current(): CallInfo | undefined {
    return this.newest?.call;
  }

  /** `limitMs` overrides the guard's limit for this call (a render that holds calls of its own gets longer). */
  run<T>(call: CallInfo, fn: () => T | Promise<T>, limitMs = this.limitMs): Promise<T> {
    // A call for one route (a render of one URL) is only skipped for that route.
    const known = this.knownFaults.length > 0 && this.knownFaults.find((f) => f.file === call.file && f.function === call.function && (f.route === undefined || call.route === undefined || f.route === call.route));
    if (known) return Promise.reject(new UserCodeFault(known.code, known.message));
    const running: Running = { id: this.nextId++, call, limitMs, deadline: performance.now() + limitMs, reject: undefined, ended: false, previous: this.newest, next: undefined };
    // The function is called right away, not a microtask later: a project makes a call per URL, and each
    // promise turn saved is 100,000 turns saved. A call that returns no promise ends here.
    if (this.newest) this.newest.next = running;
    else this.oldest = running;
    this.newest = running;
    this.observer?.start(running.id, call, limitMs);
    let result: T | Promise<T>;
    try {
      result = fn();
    } catch (error) {
      this.end(running);
      return Promise.reject(error);
    }
    if (!isThenable(result)) {
      this.end(running);
      return Promise.resolve(result);
    }
    this.startTicker();
    const pending = result;
    return new Promise<T>((resolve, reject) => {
      running.reject = reject;
      pending.then(
        (value) => void (this.end(running) && resolve(value)),
        (error: unknown) => void (this.end(running) && reject(error)),
      );
    });
  }

  /** Takes the call off the list; false when it had ended already (answered, or stopped at its deadline). */
  private end(running: Running): boolean {
    if (running.ended) return false;
    running.ended = true;
    const { previous, next } = running;
    if (previous) previous.next = next;
    else this.oldest = next;
    if (next) next.previous = previous;
    else this.newest = previous;
    running.previous = running.next = undefined;
    this.observer?.end(running.id, running.limitMs);
    return true;
  }

  private startTicker(): void {
    if (this.ticker) return;
    // A tenth of the limit: a call is stopped at most 10% late. The timer keeps the process alive while a
    // call is pending, as a call's own timer would.
    const every = Math.min(1_000, Math.max(10, Math.floor(this.limitMs / 10)));
    this.ticker = setInterval(() => this.expireOverdue(), every);
  }

  private expireOverdue(): void {
    const now = performance.now();
    const overdue: Running[] = [];
    for (let running = this.oldest; running; running = running.next) if (now >= running.deadline) overdue.push(running);
    for (const running of overdue) if (this.end(running)) running.reject?.(new UserCodeFault('USER_TIMEOUT', timeoutMessage(running.call, running.limitMs)));
    if (!this.oldest) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function timeoutMessage(call: CallInfo, limitMs: number): string {
  const seconds = Math.round(limitMs / 100) / 10;
  return `${describeCall(call)} did not finish within ${seconds} s (Next.js's staticPageGenerationTimeout; set it in next.config to allow more)`;
}
