import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, REPO_ROOT } from '../helpers/engines.js';

/**
 * A project reached through a symbolic link (macOS's /tmp is one, so is a linked home folder) works as
 * through its real path. esbuild's metafile paths are relative to the real folder: resolved from the linked
 * one, every bundle of a project linked from a deeper folder was "missing" (MODULE_LOAD for each page).
 */
test('routes, build and migrate of a project reached through a symbolic link from a deeper folder', async () => {
  const real = copyFixture('build-app', 'symlinked-root');
  const deep = path.join(REPO_ROOT, '.work', 'symlinked-root', 'a', 'b', 'c', 'd', 'e');
  rmSync(path.join(REPO_ROOT, '.work', 'symlinked-root', 'a'), { recursive: true, force: true });
  mkdirSync(deep, { recursive: true });
  const linked = path.join(deep, 'site');
  symlinkSync(real, linked);

  // One after the other: runCli captures this process's stdout.
  const viaReal = await runCli(['routes', real, '--json']);
  const viaLink = await runCli(['routes', linked, '--json']);
  expect(viaLink.code, viaLink.stdout).toBe(0);
  expect(viaLink.stdout).toBe(viaReal.stdout);

  const out = path.join(REPO_ROOT, '.work', 'symlinked-root', 'out');
  const build = await runCli(['build', linked, '--out', out]);
  expect(build.code, build.stdout + build.stderr).toBe(0);
  expect(readFileSync(path.join(out, 'about', 'index.html'), 'utf8')).toContain('About the app fixture');

  // Migrate wrote an "internal error" here, then lost the routes whose modules it could not load.
  const migrated = path.join(REPO_ROOT, '.work', 'symlinked-root', 'migrated');
  const migrate = await runCli(['migrate', linked, '--out', migrated, '--force']);
  expect(migrate.code, migrate.stdout + migrate.stderr).toBe(0);
  const report = JSON.parse(readFileSync(path.join(migrated, 'migration-report.json'), 'utf8')) as { urls: { lost: unknown[] } };
  expect(report.urls.lost).toEqual([]);
});
