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

describe('the package', () => {
  test('its main export, resolved by name through package.json "exports", is the library API', () => {
    // Node resolves a package's own name from inside it (self-reference), through the same "exports" map
    // an installed copy is resolved by.
    const script = "const m = await import('zfb-next'); console.log(JSON.stringify(Object.keys(m).sort()));";
    const keys = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' }));
    expect(keys).toEqual(expect.arrayContaining(['buildRouteModel', 'inspectProject', 'parseRoutesJson', 'toRoutesJson']));
  });

  test('the bin runs the CLI bundle, and every file the bundle finds beside itself is there', async () => {
    const { existsSync, readFileSync, readdirSync } = await import('node:fs');
    expect(readFileSync(BIN, 'utf8')).toContain("'../dist/cli/main.js'");
    // The worker threads and the user-code host are found by a URL relative to the chunk that starts them; a
    // missing worker would make the run fall back, silently, to a single thread.
    const dir = path.join(REPO_ROOT, 'dist', 'cli');
    const siblings = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]!));
    expect(new Set(siblings)).toEqual(new Set(['worker.js', 'write-worker.js', 'host-main.js']));
    for (const file of siblings) expect(existsSync(path.join(dir, file))).toBe(true);
    // The next/* stand-ins are bundled into user code from the compiled library, one folder over.
    expect(existsSync(path.join(REPO_ROOT, 'dist/src/load/next-stand-ins/link.js'))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, 'dist/src/load/next-stand-ins/font-google.cjs'))).toBe(true);
  });
});
