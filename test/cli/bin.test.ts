import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../helpers/engines.js';

/**
 * The published entry point in a real Node process: the in-process tests run under the test runner's own
 * module loader, which resolves packages more leniently than Node does.
 */
const BIN = path.join(REPO_ROOT, 'bin', 'zfb-next.js');

describe('bin/zfb-next.js', () => {
  test('routes --json from a real node process equals the in-process result', async () => {
    const { runCli } = await import('../helpers/cli.js');
    for (const fixture of ['next-pages-i18n', 'next-app-cascade', 'zfb-site', 'next-pages-mixed']) {
      const dir = path.join(FIXTURES, fixture);
      const spawned = spawnSync(process.execPath, [BIN, 'routes', dir, '--json'], { encoding: 'utf8' });
      const inProcess = await runCli(['routes', dir, '--json']);
      expect({ fixture, status: spawned.status, stderr: spawned.stderr }).toEqual({ fixture, status: inProcess.code, stderr: '' });
      expect(spawned.stdout).toBe(inProcess.stdout);
      expect(JSON.parse(spawned.stdout).routes.length).toBeGreaterThan(0);
    }
  });

  test('--version and --help exit 0', () => {
    const version = execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help).toContain('routes');
  });
});
