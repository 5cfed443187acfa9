import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/engines.js';

/** The scripts CI (.ci/run) relies on. */

test('the closing line counts a test file whose beforeAll fails, though none of its tests failed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-ci-summary-'));
  writeFileSync(path.join(dir, 'vitest.config.mjs'), 'export default {};\n');
  writeFileSync(path.join(dir, 'broken.test.mjs'), "import { beforeAll, it } from 'vitest';\nbeforeAll(() => { throw new Error('setup broke'); });\nit('never runs', () => {});\n");
  writeFileSync(path.join(dir, 'fine.test.mjs'), "import { it } from 'vitest';\nit('runs', () => {});\n");
  const report = path.join(dir, 'results.json');
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile.json=${report}`], { cwd: dir, encoding: 'utf8' });
  expect(run.status).toBe(1);
  const summary = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/test-summary.mjs'), report], { cwd: dir, encoding: 'utf8' });
  expect(summary).toBe('vitest: 1 passed, 0 failed, 1 skipped; test files: 1 passed, 1 failed (broken.test.mjs)\n');
});

test('the committed lockfile lists every platform package of zfb and next, so npm ci accepts it', () => {
  expect(execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/lock-platforms.mjs'), '--check'], { encoding: 'utf8' })).toBe('');
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { os?: string[]; cpu?: string[]; optional?: boolean }> };
  expect(lock.packages['node_modules/@takazudo/zfb-darwin-arm64']).toMatchObject({ version: '0.1.0-next.89', os: ['darwin'], cpu: ['arm64'], optional: true });
  expect(lock.packages['node_modules/@next/swc-win32-x64-msvc']).toMatchObject({ version: '16.4.6', os: ['win32'], cpu: ['x64'], optional: true });
});
