import { spawn } from 'node:child_process';
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { compareCodeUnits, isSiteUrl } from '../report/canonical-url.js';
import { readSide } from '../report/read-side.js';
import { runDiff } from '../report/run-diff.js';
import { renderMarkdownReport } from './report-md.js';
import type { ProgressEvent } from './run.js';
import type { LostUrl, MigrationReport, VerifyReport } from './types.js';

export interface VerifyInput {
  report: MigrationReport;
  /** Absolute source and output folders. */
  source: string;
  target: string;
  progress: (event: ProgressEvent) => void;
  userOutput?: Writable;
  /** `--in-place`: the source folder is now the output, so there is no Next.js side left to diff. */
  inPlace?: boolean;
}

const INSTALL = ['npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']] as const;
/** The tail of a failed command's output kept in the report: the error is at its end. */
const OUTPUT_TAIL = 4000;

/**
 * `--verify`: the output's own `npm install` and `npm run build` (the real zfb build), the URLs that build
 * wrote in place of the planned ones, and `zfb-next diff` between the source's Next.js build and the zfb
 * build (URLs, and visible text per page). The report (in `report` and in the output's two report files)
 * gets a `verify` section; nothing is written into the source.
 *
 * `next build` is not run in the source: it rewrites the source's tsconfig.json and next-env.d.ts, and the
 * source is only ever read. When the source has a build (`.next/`), the diff compares pages with it;
 * otherwise it compares the zfb build with the source's route model (URLs only), and says so.
 */
export async function verifyMigration(input: VerifyInput): Promise<void> {
  const { report, source, target, progress } = input;
  const log = input.userOutput;
  progress({ phase: 'verify', step: 'npm install' });
  const install = await command(INSTALL[0], [...INSTALL[1]], target, log);
  const verify: VerifyReport = {
    install: { ok: install.ok, command: `${INSTALL[0]} ${INSTALL[1].join(' ')}`, ...(install.ok ? {} : { output: install.output }) },
    zfbBuild: { ok: false },
    nextBuild: input.inPlace
      ? { ok: false, ran: false, output: '--in-place replaced the Next.js project: the zfb build is compared with the URLs of its route model' }
      : nextBuildOf(source),
  };
  report.verify = verify;
  if (install.ok) {
    progress({ phase: 'verify', step: 'zfb build' });
    const build = await command('npm', ['run', 'build'], target, log);
    verify.zfbBuild = build.ok ? { ok: true } : { ok: false, output: build.output };
  }
  const dist = path.join(target, 'dist');
  if (verify.zfbBuild.ok) {
    progress({ phase: 'verify', step: 'diff' });
    await urlsFromBuild(report, dist, target);
  }
  if (verify.zfbBuild.ok && !input.inPlace) {
    const nextSide = verify.nextBuild.ok ? path.join(source, '.next') : source;
    const diff = await runDiff({ base: nextSide, head: dist, format: 'json', failOn: 'removed', cwd: target });
    verify.diff = diff.report ?? { error: diff.stderr };
  }
  rewriteReport(report, target);
}

/** The source's own Next.js build, when it has one: read, never made (see verifyMigration). */
function nextBuildOf(source: string): VerifyReport['nextBuild'] {
  if (existsSync(path.join(source, '.next', 'prerender-manifest.json'))) return { ok: true, ran: false, output: 'the source\'s .next build was compared' };
  return { ok: false, ran: false, output: 'the source has no .next build (run next build there to compare pages, not only URLs); migrate never writes into the source' };
}

/**
 * `after` becomes what the zfb build wrote: its __zfb/routes.json, and the planned URLs that are files zfb
 * copied from public/ (metadata files such as /favicon.ico, which routes.json does not list); `lost` follows.
 */
async function urlsFromBuild(report: MigrationReport, dist: string, cwd: string): Promise<void> {
  const side = await readSide(dist, 'head', { cwd });
  const routed = new Set(side.urls.keys());
  const copied = report.urls.after.filter((url) => !routed.has(url) && isFile(path.join(dist, url)));
  const after = [...routed, ...copied].filter(isSiteUrl).sort(compareCodeUnits);
  const built = new Set(after);
  const planned = new Map(report.urls.lost.map((lost) => [lost.url, lost.reason]));
  const lost: LostUrl[] = report.urls.before
    .filter((url) => !built.has(url))
    .map((url) => ({ url, reason: planned.get(url) ?? 'the migrated page did not build this URL in the real zfb build' }));
  report.urls = { before: report.urls.before, after, afterFrom: 'zfb-build', lost };
  report.summary.urlsAfter = after.length;
  report.summary.urlsLost = lost.length;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The report files in the output, replaced one by one through a temporary file and a rename. */
function rewriteReport(report: MigrationReport, target: string): void {
  const files: [string, string][] = [
    ['migration-report.json', JSON.stringify(report, null, 2) + '\n'],
    ['MIGRATION-REPORT.md', renderMarkdownReport(report)],
  ];
  for (const [name, text] of files) {
    const file = path.join(target, name);
    const temporary = `${file}.zfb-next-${process.pid}`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  }
}

interface CommandRun {
  ok: boolean;
  output: string;
}

/** Runs a command in `cwd`; its output goes to `log` (when given) and its tail into the result. */
function command(program: string, args: string[], cwd: string, log: Writable | undefined): Promise<CommandRun> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
      log?.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => resolve({ ok: false, output: `${program}: ${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}
