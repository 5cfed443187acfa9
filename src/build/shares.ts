import type { PlannedJob } from './host-tasks.js';

// Jobs a render host is given at a time.
export const CHUNK = 16;

/**
 * The build's jobs, handed to the render hosts a chunk at a time. Each host owns a run of neighbouring URLs
 * (mostly of one route: in a build of 2,000 pages, hosts that each rendered one router's pages were faster
 * than hosts that alternated between the two) and takes from its head; once its own run is done, it takes
 * from the tail of the longest run left, so that the hosts finish together whatever each page costs.
 */
export class Shares {
  private readonly runs: PlannedJob[][];

  constructor(jobs: readonly PlannedJob[], hosts: number) {
    this.runs = Array.from({ length: hosts }, (_, h) => jobs.slice(Math.floor((h * jobs.length) / hosts), Math.floor(((h + 1) * jobs.length) / hosts)));
  }

  next(host: number): PlannedJob[] {
    const own = this.runs[host]!;
    if (own.length > 0) return own.splice(0, CHUNK);
    const longest = this.runs.reduce((a, b) => (b.length > a.length ? b : a));
    return longest.splice(Math.max(0, longest.length - Math.min(CHUNK, Math.ceil(longest.length / 2))));
  }
}
