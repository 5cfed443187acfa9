import { describe, expect, it } from 'vitest';
import type { PlannedJob } from '../../src/build/host-tasks.js';
import { CHUNK, Shares } from '../../src/build/shares.js';

const jobs = (count: number): PlannedJob[] => Array.from({ length: count }, (_, id) => ({ id }) as PlannedJob);
const ids = (chunk: PlannedJob[]): number[] => chunk.map((j) => j.id);

describe('Shares', () => {
  it('gives each host chunks from the head of its own run of neighbouring jobs', () => {
    const shares = new Shares(jobs(100), 2);
    expect(ids(shares.next(0))).toEqual(Array.from({ length: CHUNK }, (_, i) => i));
    expect(ids(shares.next(1))).toEqual(Array.from({ length: CHUNK }, (_, i) => 50 + i));
    expect(ids(shares.next(0))[0]).toBe(CHUNK);
  });

  it('lets a host that finished its run take from the tail of the longest run, and hands out every job once', () => {
    const shares = new Shares(jobs(200), 2);
    // Host 1 is slow: host 0 asks four times as often.
    const taken: number[][] = [[], []];
    for (let round = 0; ; round++) {
      const host = round % 5 === 4 ? 1 : 0;
      const chunk = shares.next(host);
      // An empty chunk: every run is done.
      if (chunk.length === 0) break;
      taken[host]!.push(...ids(chunk));
    }
    const all = [...taken[0]!, ...taken[1]!].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // Host 0 went on into host 1's run, from its far end.
    expect(taken[0]!.filter((id) => id >= 100).length).toBeGreaterThan(40);
    expect(Math.max(...taken[0]!)).toBe(199);
  });
});
