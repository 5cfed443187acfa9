import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES } from '../helpers/engines.js';
import { runCli } from '../helpers/cli.js';

describe('zfb-next routes', () => {
  test('--json is byte-identical across runs and follows the contract', async () => {
    const dir = path.join(FIXTURES, 'next-pages-i18n');
    const first = await runCli(['routes', dir, '--json']);
    const second = await runCli(['routes', dir, '--json']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const model = JSON.parse(first.stdout);
    expect(Object.keys(model)).toEqual(['version', 'root', 'next', 'routes', 'diagnostics']);
    expect(model.version).toBe(1);
    // The fixture resolves the repository's own next: the pinned release, whose rules apply.
    expect(model.next).toEqual({ installed: '16.4.6', rules: '16.4.6' });
    expect(Object.keys(model.routes[0])).toEqual(['pattern', 'file', 'origin', 'kind', 'unmatched', 'providers', 'entries']);
    expect(first.stdout).not.toContain(FIXTURES);
  });

  test('the table names routes, their URL counts and a summary line', async () => {
    const run = await runCli(['routes', path.join(FIXTURES, 'zfb-site')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pattern\s+kind\s+origin\s+other URLs\s+urls\s+examples$/m);
    expect(run.stdout).toMatch(/\/blog\/\[slug\]\s+page\s+zfb\s+404\s+\d+/);
    expect(run.stdout).toMatch(/^\d+ routes, \d+ URLs, 0 errors, \d+ warnings$/m);
  });

  test('exit 1 when any error diagnostic, and the other routes are still listed', async () => {
    const run = await runCli(['routes', path.join(FIXTURES, 'next-pages-errors'), '--json']);
    expect(run.code).toBe(1);
    const model = JSON.parse(run.stdout);
    expect(model.diagnostics.some((d: { severity: string }) => d.severity === 'error')).toBe(true);
    expect(model.routes.some((r: { entries: unknown[] }) => r.entries.length > 0)).toBe(true);
  });

  test('exit 2 for a directory that is no project, and for a missing one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'zfb-next-empty-'));
    const notProject = await runCli(['routes', empty]);
    expect(notProject.code).toBe(2);
    expect(notProject.stderr).toContain('not a Next.js or zfb project');
    const missing = await runCli(['routes', path.join(empty, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such directory');
  });

  test('a pages/ folder without a framework marker is a usage error, not a guess', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zfb-next-pages-'));
    mkdirSync(path.join(dir, 'pages'));
    writeFileSync(path.join(dir, 'pages', 'index.tsx'), 'export default () => null;\n');
    const run = await runCli(['routes', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot tell which engine');
  });

  test('unknown options are usage errors', async () => {
    const run = await runCli(['routes', '--bogus']);
    expect(run.code).toBe(2);
  });
});
