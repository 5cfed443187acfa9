import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRouteStaticParams } from '../../src/sources/next-app-cascade.js';
import { nextGenerateRouteStaticParams } from './next-oracle.js';

/**
 * Differential: our cascade against next@16.4.6's own `generateRouteStaticParams`, fed the same
 * generateStaticParams functions. Same params, same calls (segment + params received), same error text.
 */

type Params = Record<string, unknown>;
type Gsp = (arg: { params: Params }) => unknown;

/** A JSON description of what one generateStaticParams returns, so fast-check can generate and shrink it. */
type Item =
  | { t: 'obj'; v: Record<string, string | string[]> }
  | { t: 'null' | 'str' | 'arr' | 'num' | 'map' | 'date' | 'undef' | 'nullproto' | 'klass' };
type Reply =
  | { t: 'array'; items: Item[]; sync?: boolean }
  | { t: 'null' | 'string' | 'object' | 'undefined' | 'number' }
  | { t: 'throw'; message: string };

class Custom {
  a = '1';
}

function item(i: Item): unknown {
  switch (i.t) {
    case 'obj':
      return structuredClone(i.v);
    case 'null':
      return null;
    case 'str':
      return 'x';
    case 'arr':
      return ['x'];
    case 'num':
      return 1;
    case 'map':
      return new Map();
    case 'date':
      return new Date(0);
    case 'undef':
      return undefined;
    case 'nullproto':
      return Object.assign(Object.create(null) as object, { a: 'np' });
    case 'klass':
      return new Custom();
  }
}

function reply(r: Reply): unknown {
  switch (r.t) {
    case 'array':
      return r.items.map(item);
    case 'null':
      return null;
    case 'string':
      return 'x';
    case 'object':
      return { id: '1' };
    case 'undefined':
      return undefined;
    case 'number':
      return 7;
    case 'throw':
      throw new Error(r.message);
  }
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/** Segment i replies with one of its replies, chosen by the params it receives (so both runs agree). */
function makeGsps(spec: readonly (Reply[] | null)[], calls: string[]): (Gsp | undefined)[] {
  return spec.map((replies, index) => {
    if (!replies) return undefined;
    return ({ params }: { params: Params }) => {
      calls.push(`${index}:${JSON.stringify(params)}`);
      const r = replies[hash(JSON.stringify(params)) % replies.length]!;
      if (r.t === 'array' && r.sync) return reply(r);
      return Promise.resolve().then(() => reply(r));
    };
  });
}

type Outcome = { ok: true; value: Params[]; calls: string[] } | { ok: false; message: string; calls: string[] };

async function outcome(run: (gsps: (Gsp | undefined)[]) => Promise<Params[]>, spec: readonly (Reply[] | null)[]): Promise<Outcome> {
  const calls: string[] = [];
  try {
    const value = await run(makeGsps(spec, calls));
    return { ok: true, value, calls };
  } catch (error) {
    return { ok: false, message: (error as Error).message, calls };
  }
}

async function both(spec: readonly (Reply[] | null)[], page = '/t', ppr = false, exportMode = false): Promise<[Outcome, Outcome]> {
  const ours = await outcome(
    (gsps) => generateRouteStaticParams(gsps.map((generateStaticParams) => ({ generateStaticParams })), { page, isRoutePPREnabled: ppr, isStaticExport: exportMode }),
    spec,
  );
  const theirs = await outcome((gsps) => nextGenerateRouteStaticParams(gsps, page, ppr, exportMode), spec);
  return [ours, theirs];
}

const arr = (...objs: Record<string, string | string[]>[]): Reply => ({ t: 'array', items: objs.map((v) => ({ t: 'obj', v })) });

describe('generateRouteStaticParams: the cascade, against Next’s own function', () => {
  it('layout, a segment without gSP, then a page that reads its parent', async () => {
    const calls: string[] = [];
    const gsps: (Gsp | undefined)[] = [
      () => (calls.push('L'), [{ a: '1' }, { a: '2' }]),
      undefined,
      ({ params }) => (calls.push(`P${JSON.stringify(params)}`), [{ b: `${params.a as string}x` }]),
    ];
    const ours = await generateRouteStaticParams(gsps.map((generateStaticParams) => ({ generateStaticParams })), {
      page: '/t',
      isRoutePPREnabled: false,
      isStaticExport: false,
    });
    const oursCalls = calls.splice(0);
    const theirs = await nextGenerateRouteStaticParams(gsps, '/t', false, false);
    expect(ours).toEqual([{ a: '1', b: '1x' }, { a: '2', b: '2x' }]);
    expect(ours).toEqual(theirs);
    expect(oursCalls).toEqual(['L', 'P{"a":"1"}', 'P{"a":"2"}']);
    expect(calls).toEqual(oursCalls);
  });

  const rows: { name: string; spec: (Reply[] | null)[]; ppr?: boolean; exp?: boolean; expected: Params[] | string; calls?: string[] }[] = [
    { name: 'a parent returning [] calls the child once with {}', spec: [[arr()], [arr({ a: 'z', b: 'y' })]], expected: [{ a: 'z', b: 'y' }], calls: ['0:{}', '1:{}'] },
    {
      name: 'a child returning [] for one parent lets that parent through',
      spec: [[arr({ a: '1' }, { a: '2' })], [arr(), arr({ b: 'x' })]],
      expected: [{ a: '1' }, { a: '2', b: 'x' }],
      calls: ['0:{}', '1:{"a":"1"}', '1:{"a":"2"}'],
    },
    { name: 'child keys override parent keys', spec: [[arr({ a: '1' })], [arr({ a: 'OVR', b: 'x' })]], expected: [{ a: 'OVR', b: 'x' }] },
    { name: 'duplicates survive the cascade', spec: [[arr({ a: '1' })], [arr({ b: 'x' }, { b: 'x' })]], expected: [{ a: '1', b: 'x' }, { a: '1', b: 'x' }] },
    {
      name: 'Cache Components: an empty child result throws',
      spec: [[arr({ a: '1' })], [arr()]],
      ppr: true,
      expected: 'When using Cache Components, all `generateStaticParams` functions must return at least one result.',
    },
    {
      name: 'output: export: an empty result throws',
      spec: [[arr()]],
      exp: true,
      expected: 'Page "/t" returned an empty array from "generateStaticParams()". With "output: export", at least one route must be generated.',
    },
    { name: 'a non-array result', spec: [[{ t: 'string' }]], expected: 'Invalid value returned from generateStaticParams for "/t". Expected an array, but received type string.' },
    {
      name: 'a non-plain entry',
      spec: [[{ t: 'array', items: [{ t: 'map' }] }]],
      expected: 'Invalid value at index 0 returned from generateStaticParams for "/t". Expected an object, but received type object.',
    },
    { name: 'a synchronous gSP', spec: [[{ t: 'array', sync: true, items: [{ t: 'obj', v: { a: '1' } }] }]], expected: [{ a: '1' }] },
    { name: '[{}] is allowed', spec: [[{ t: 'array', items: [{ t: 'obj', v: {} }] }]], expected: [{}] },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const [ours, theirs] = await both(row.spec, '/t', row.ppr, row.exp);
      expect(ours).toEqual(theirs);
      if (typeof row.expected === 'string') {
        expect(ours.ok).toBe(false);
        expect((ours as { message: string }).message.startsWith(row.expected)).toBe(true);
      } else {
        expect(ours).toMatchObject({ ok: true, value: row.expected });
      }
      if (row.calls) expect(ours.calls).toEqual(row.calls);
    });
  }

  it('every invalid entry and return shape gives the same text', async () => {
    const shapes: Reply[] = [
      { t: 'null' },
      { t: 'undefined' },
      { t: 'object' },
      { t: 'number' },
      ...(['null', 'str', 'arr', 'num', 'map', 'date', 'undef', 'klass', 'nullproto'] as const).map(
        (t): Reply => ({ t: 'array', items: [{ t: 'obj', v: { a: '1' } }, { t }] }),
      ),
      { t: 'throw', message: 'boom' },
    ];
    for (const shape of shapes) {
      for (const position of [0, 1]) {
        const spec = position === 0 ? [[shape], [arr({ b: '1' })]] : [[arr({ a: '1' }, { a: '2' })], [shape]];
        const [ours, theirs] = await both(spec);
        expect(ours).toEqual(theirs);
      }
    }
  });
});

describe('generateRouteStaticParams: generated cascades', () => {
  const value = fc.oneof(fc.constantFrom('1', '2', 'x', '', 'a b', 'ü'), fc.array(fc.constantFrom('p', 'q', 'r/s'), { maxLength: 2 }));
  const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { maxKeys: 3 });
  const itemArb: fc.Arbitrary<Item> = fc.oneof(
    { weight: 12, arbitrary: obj.map((v): Item => ({ t: 'obj', v })) },
    { weight: 1, arbitrary: fc.constantFrom<Item>({ t: 'null' }, { t: 'str' }, { t: 'arr' }, { t: 'map' }, { t: 'nullproto' }, { t: 'klass' }) },
  );
  const replyArb: fc.Arbitrary<Reply> = fc.oneof(
    { weight: 14, arbitrary: fc.record({ t: fc.constant('array' as const), items: fc.array(itemArb, { maxLength: 3 }), sync: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constantFrom<Reply>({ t: 'null' }, { t: 'object' }, { t: 'throw', message: 'user failure' }) },
  );
  const segmentArb = fc.option(fc.array(replyArb, { minLength: 1, maxLength: 3 }), { nil: null, freq: 4 });
  const specArb = fc.array(segmentArb, { minLength: 2, maxLength: 3 });

  it('match next@16.4.6 on random cascades (results, calls, errors)', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, fc.boolean(), fc.boolean(), async (spec, ppr, exportMode) => {
        const [ours, theirs] = await both(spec, '/g/[a]/[b]', ppr, exportMode);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 400 },
    );
  });
});
