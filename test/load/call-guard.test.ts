import { describe, expect, it } from 'vitest';
import { CallGuard, faultCode, type CallInfo } from '../../src/load/call-guard.js';

const call = (route: string): CallInfo => ({ file: 'pages/p/[id].js', function: 'getStaticProps', route });

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CallGuard', () => {
  it('blames the most recent call under way, and the one before it once that one ends, in any order', async () => {
    const guard = new CallGuard(60_000);
    const [a, b, c] = [deferred<string>(), deferred<string>(), deferred<string>()];
    const runs = [guard.run(call('/a'), () => a.promise), guard.run(call('/b'), () => b.promise), guard.run(call('/c'), () => c.promise)];
    expect(guard.current()?.route).toBe('/c');
    b.resolve('b');
    await runs[1];
    expect(guard.current()?.route).toBe('/c');
    c.resolve('c');
    await runs[2];
    expect(guard.current()?.route).toBe('/a');
    a.resolve('a');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(guard.current()).toBeUndefined();
  });

  it('ends a call that returns no promise at once, and passes on what a call throws', async () => {
    const guard = new CallGuard(60_000);
    expect(await guard.run(call('/sync'), () => 42)).toBe(42);
    expect(guard.current()).toBeUndefined();
    await expect(guard.run(call('/throws'), () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(guard.current()).toBeUndefined();
  });

  it('stops a call at its deadline, naming it, while the calls within their limits go on', async () => {
    const ends: number[] = [];
    const guard = new CallGuard(40, { start: () => undefined, end: (_id, limitMs) => ends.push(limitMs) });
    const slow = guard.run(call('/never'), () => new Promise<never>(() => undefined));
    const patient = deferred<string>();
    const longer = guard.run(call('/later'), () => patient.promise, 10_000);
    const error = await slow.catch((e: unknown) => e);
    expect(faultCode(error)).toBe('USER_TIMEOUT');
    expect((error as Error).message).toContain('getStaticProps() in pages/p/[id].js (route /never) did not finish within');
    expect(guard.current()?.route).toBe('/later');
    patient.resolve('done');
    expect(await longer).toBe('done');
    expect(ends).toEqual([40, 10_000]);
  });
});
