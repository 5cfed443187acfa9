/**
 * Every call into user code (importing a module, calling getStaticPaths, generateStaticParams, paths(),
 * a config function) goes through a guard: it has a time limit, and when the code runs in the isolated
 * host process (host-main.ts) the parent process is told which call is running, so it can stop a call that
 * never yields (`while (true) {}`) and name it.
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
  end(id: number): void;
}

export function describeCall(call: CallInfo): string {
  return `${call.function === 'import' ? 'loading' : `${call.function}() in`} ${call.file}${call.route ? ` (route ${call.route})` : ''}`;
}

export class CallGuard {
  private nextId = 1;
  private readonly running = new Map<number, CallInfo>();

  constructor(
    /** Next's `staticPageGenerationTimeout`, in milliseconds. */
    public limitMs: number,
    private readonly observer?: CallObserver,
    private readonly knownFaults: readonly KnownFault[] = [],
  ) {}

  /** The calls under way, most recent last: whom to blame for a stray exception or `process.exit`. */
  current(): CallInfo | undefined {
    return [...this.running.values()].pop();
  }

  /** `limitMs` overrides the guard's limit for this call (a render that holds calls of its own gets longer). */
  async run<T>(call: CallInfo, fn: () => T | Promise<T>, limitMs = this.limitMs): Promise<T> {
    // A call for one route (a render of one URL) is only skipped for that route.
    const known = this.knownFaults.find((f) => f.file === call.file && f.function === call.function && (f.route === undefined || call.route === undefined || f.route === call.route));
    if (known) throw new UserCodeFault(known.code, known.message);
    const id = this.nextId++;
    this.running.set(id, call);
    this.observer?.start(id, call, limitMs);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UserCodeFault('USER_TIMEOUT', timeoutMessage(call, limitMs))), limitMs);
      });
      return await Promise.race([Promise.resolve().then(fn), timeout]);
    } finally {
      clearTimeout(timer);
      this.running.delete(id);
      this.observer?.end(id);
    }
  }

  /** `fn` with the same arguments and result, each call made through the guard. */
  wrap<A extends unknown[], R>(call: CallInfo, fn: (...args: A) => R): (...args: A) => Promise<Awaited<R>> {
    return (...args: A) => this.run(call, () => fn(...args)) as Promise<Awaited<R>>;
  }
}

export function timeoutMessage(call: CallInfo, limitMs: number): string {
  const seconds = Math.round(limitMs / 100) / 10;
  return `${describeCall(call)} did not finish within ${seconds} s (Next.js's staticPageGenerationTimeout; set it in next.config to allow more)`;
}
