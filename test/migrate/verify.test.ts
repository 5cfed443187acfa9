import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the bench.
import { generateNextRepo } from '../../bench/lib/next-repo.mjs';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

// `--verify` as a user runs it: the output's own npm install (from the registry) and npm run build (the real
// zfb build), then the URLs that build wrote and `zfb-next diff` against the source in the report.
it('migrate --verify installs and builds the output, and reports the URLs the real zfb build wrote', async () => {
  const dir = generateNextRepo(path.join(REPO_ROOT, '.work', 'migrate-verify', 'small'), 4) as string;
  const out = `${dir}-zfb`;
  const run = await runCli(['migrate', path.relative(process.cwd(), dir), '--force', '--verify', '--json']);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as MigrationReport;
  expect(report.verify?.install.ok).toBe(true);
  expect(report.verify?.zfbBuild).toEqual({ ok: true });
  // No .next in the source, and migrate never builds there: the zfb build is compared with its route model.
  expect(report.verify?.nextBuild).toMatchObject({ ok: false, ran: false });
  expect(report.urls.afterFrom).toBe('zfb-build');
  expect(report.urls.before).toEqual(['/a2/first', '/a2/second', '/a3/first', '/a3/second', '/p0/first', '/p0/second', '/p1/first', '/p1/second']);
  expect(report.urls.after).toEqual(report.urls.before);
  expect(report.urls.lost).toEqual([]);
  const diff = report.verify?.diff as { counts: { removed: number; added: number } };
  expect(diff.counts).toMatchObject({ removed: 0, added: 0 });
  // The report in the output is the verified one.
  expect(JSON.parse(readFileSync(path.join(out, 'migration-report.json'), 'utf8'))).toEqual(report);
  expect(readFileSync(path.join(out, 'MIGRATION-REPORT.md'), 'utf8')).toContain('- zfb build: ok');
}, 600_000);
