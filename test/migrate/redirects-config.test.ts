import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { MigrationContext } from '../../src/migrate/context.js';
import { OutputTree } from '../../src/migrate/output.js';
import { writeRedirects } from '../../src/migrate/redirects.js';
import { defaultNextConfig, discoverProject } from '../../src/project/discover.js';
import { REPO_ROOT } from '../helpers/engines.js';

function project(name: string, config: string): string {
  const dir = path.join(REPO_ROOT, '.work', 'migrate-redirects-config', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'pages'), { recursive: true });
  writeFileSync(path.join(dir, 'next.config.js'), config);
  return dir;
}

it('calls redirects() only when asked, and says why when it throws or returns no array', async () => {
  const ok = project('ok', "module.exports = { basePath: '/b', async redirects() { return [{ source: '/a', destination: '/c', permanent: true }]; } };\n");
  expect((await discoverProject(ok)).next!.redirects).toBeUndefined();
  expect((await discoverProject(ok, { redirects: true })).next!.redirects).toEqual({ rules: [{ source: '/a', destination: '/c', permanent: true }] });
  const threw = project('threw', "module.exports = { redirects() { throw new Error('no CMS'); } };\n");
  expect((await discoverProject(threw, { redirects: true })).next!.redirects).toEqual({ error: 'redirects() threw: no CMS' });
  const object = project('object', 'module.exports = { redirects: async () => ({}) };\n');
  expect((await discoverProject(object, { redirects: true })).next!.redirects).toEqual({ error: 'redirects() must return an array, received object' });
});

it('writes no public/_redirects for rules next build rejects, and names them', () => {
  const ctx = new MigrationContext(REPO_ROOT, new OutputTree(), undefined);
  const reports = writeRedirects(ctx, defaultNextConfig(), [
    { source: 'no-slash', destination: '/x', permanent: true },
    { source: '/a', destination: '/b' },
    { source: '/a', destination: '/b', statusCode: 304 },
    { source: '/a', destination: '/b', permanent: true, basePath: true },
    { source: '/opt/:x?', destination: '/y', permanent: true },
    { source: '/post-:id', destination: '/p/:id', permanent: true },
  ]);
  expect(reports.map((r) => r.notMigrated?.replace(/ \(.*$|: .*$/, ''))).toEqual([
    'next build rejects this redirect',
    'next build rejects this redirect',
    'next build rejects this redirect',
    'next build rejects this redirect',
    'the source pattern segment ":x?" has no _redirects form',
    'the source pattern segment "post-:id" has no _redirects form',
  ]);
  expect(reports[1]!.notMigrated).toBe('next build rejects this redirect (`permanent` is not set to `true` or `false`)');
  expect(ctx.tree.has('public/_redirects')).toBe(false);
  expect(ctx.notMigrated.map((n) => n.file)).toEqual(Array(6).fill('next.config.js#redirects'));
});

it('leaves i18n rules without `locale: false` to the user, and writes those with it', () => {
  const i18n = { locales: ['en', 'fr'], defaultLocale: 'en' };
  const ctx = new MigrationContext(REPO_ROOT, new OutputTree(), i18n);
  const reports = writeRedirects(ctx, { ...defaultNextConfig(), i18n }, [
    { source: '/a', destination: '/b', permanent: true },
    { source: '/c', destination: '/d', permanent: false, locale: false },
  ]);
  expect(reports.map((r) => r.lines)).toEqual([[], ['/c /d 307']]);
  expect(reports[0]!.notMigrated).toContain('every locale prefix');
});
