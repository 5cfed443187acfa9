import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Generated projects live inside the repository: `next build` only compiles below the lockfile's folder. */
export const OUT = path.join(REPO_ROOT, 'bench', '.out');

const REPORT_RSS = path.join(REPO_ROOT, 'bench', 'lib', 'report-rss.cjs');
const GNU_TIME = '/usr/bin/time';

/**
 * Runs a node script to completion and returns its wall time and peak memory. Every node process of the
 * run that keeps NODE_OPTIONS (next build's workers may not) reports its own peak RSS on exit through a
 * preloaded script; the largest is the peak shown. `cpuS` is the user + system CPU seconds of the run and
 * every process it waited for (NaN without GNU time).
 */
export function measure(args, { cwd = REPO_ROOT, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // CPU seconds of the whole tree (every process reaped on the way), when GNU time is there: on a shared
    // machine, wall time follows the load of others, CPU time much less.
    const timed = existsSync(GNU_TIME);
    const child = spawn(timed ? GNU_TIME : process.execPath, timed ? ['-f', 'zfb-next-bench-cpu=%U %S', process.execPath, ...args] : args, {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env, NODE_OPTIONS: `--require=${REPORT_RSS}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdoutBytes = 0;
    // The whole process tree's resident memory, sampled: processes killed before they exit (user-code
    // hosts are) never report their own peak.
    let treePeakKb = 0;
    const sampler = setInterval(() => {
      treePeakKb = Math.max(treePeakKb, treeRssKb(child.pid));
    }, 50);
    child.stdout.on('data', (d) => (stdoutBytes += d.length));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const rss = [...stderr.matchAll(/zfb-next-bench-maxrss=(\d+)/g)].map((m) => Number(m[1]));
      const cpu = /zfb-next-bench-cpu=([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({ code, ms, peakMb: rss.length ? Math.max(...rss) / 1024 : NaN, treePeakMb: treePeakKb / 1024, cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, stdoutBytes, stderr });
    });
  });
}

export function freshDir(name) {
  const dir = path.join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const fmtMb = (mb) => `${mb.toFixed(0)} MB`;
/** CPU seconds; empty when they could not be measured (no GNU time). */
export const fmtCpu = (s) => (Number.isNaN(s) ? '' : `${s.toFixed(1)} s`);

/** Resident memory (KiB) of a process and all its descendants, from /proc (Linux); 0 elsewhere. */
function treeRssKb(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop();
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total;
}
