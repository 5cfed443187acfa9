import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/model/types.js';
import { runStaticProps } from '../../src/sources/next-pages-static-props.js';

const entries = (count: number): Entry[] => Array.from({ length: count }, (_, i) => ({ url: `/p/${i}`, params: { id: String(i) } }));

/** A getStaticProps that records how many calls were under way at once. */
function counting(answer: (id: number) => Promise<unknown>) {
  const state = { running: 0, most: 0 };
  const getStaticProps = async (context: object): Promise<unknown> => {
    state.running++;
    state.most = Math.max(state.most, state.running);
    try {
      return await answer(Number((context as { params: { id: string } }).params.id));
    } finally {
      state.running--;
    }
  };
  return { state, getStaticProps };
}

describe('runStaticProps', () => {
  it('makes calls that wait for data concurrently, as a next build worker does, and keeps the URL order', async () => {
    // Later URLs answer sooner: the order of the answers is the reverse of the URLs'.
    const { state, getStaticProps } = counting(async (id) => {
      await sleep(1 + ((64 - id) % 5));
      return id % 7 === 3 ? { notFound: true } : id % 11 === 5 ? { wrong: 1 } : { props: { id } };
    });
    const result = await runStaticProps({ page: '/p/[id]', file: 'pages/p/[id].js', getStaticProps, entries: entries(64) });
    expect(state.most).toBe(8);
    const ids = Array.from({ length: 64 }, (_, i) => i);
    expect(result.entries.map((e) => e.url)).toEqual(ids.filter((i) => i % 7 !== 3).map((i) => `/p/${i}`));
    const told = ids.filter((i) => i % 7 === 3 || i % 11 === 5).map((i) => `${i % 7 === 3 ? 'GSP_NOT_FOUND' : 'GSP_PROPS_INVALID'} /p/${i}`);
    expect(result.diagnostics.map((d) => `${d.code} ${/\/p\/\d+/.exec(d.message)?.[0]}`)).toEqual(told);
  });

  it('makes calls that answer at once one after another', async () => {
    const { state, getStaticProps } = counting(async (id) => ({ props: { id } }));
    const result = await runStaticProps({ page: '/p/[id]', file: 'pages/p/[id].js', getStaticProps, entries: entries(500) });
    expect(state.most).toBe(1);
    expect(result.entries).toHaveLength(500);
    expect(result.diagnostics).toEqual([]);
  });
});
