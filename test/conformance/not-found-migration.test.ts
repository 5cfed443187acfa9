import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { FIXTURES, REPO_ROOT, ZFB_CONFIG, zfbBuildSync } from '../helpers/engines.js';

/**
 * MIGRATION.md's check, end to end on a page whose getStaticProps answers notFound for one listed URL:
 * `zfb-next routes --json` before, pages-to-zfb (which leaves that entry out on purpose), a real `zfb build`,
 * then `zfb-next diff routes.before.json dist/`. Next never served that URL, so nothing counts as removed.
 */
test('routes.before.json → pages-to-zfb → zfb build → diff: a notFound URL is not a removed one', () => {
  const work = path.join(REPO_ROOT, '.work', 'conformance-not-found');
  rmSync(work, { recursive: true, force: true });
  const dir = path.join(work, 'site');
  mkdirSync(work, { recursive: true });
  cpSync(path.join(FIXTURES, 'next-pages-not-found'), dir, { recursive: true });
  const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/zfb-next.js'), ...args], { cwd: dir, encoding: 'utf8' });

  const before = cli(['routes', '.', '--json']);
  expect(before.status, before.stderr).toBe(0);
  const model = JSON.parse(before.stdout) as RouteModel;
  expect(model.routes.flatMap((r) => r.entries.map((e) => e.url))).toEqual(['/', '/posts/hello', '/posts/second']);
  writeFileSync(path.join(work, 'routes.before.json'), before.stdout);

  const codemod = cli(['codemod', 'pages-to-zfb', 'pages', '--force']);
  expect(codemod.status, codemod.stdout + codemod.stderr).toBe(0);
  rmSync(path.join(dir, 'next.config.js'));
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'zfb.config.json'), JSON.stringify(ZFB_CONFIG));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact', module: 'ESNext', moduleResolution: 'Bundler', strict: false } }),
  );
  const build = zfbBuildSync(dir);
  expect(build.status, build.stderr).toBe(0);

  const diff = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/zfb-next.js'), 'diff', 'routes.before.json', 'site/dist', '--format', 'json'], { cwd: work, encoding: 'utf8' });
  expect(diff.stderr).toBe('zfb-next diff: 0 added, 0 removed, 3 unchanged, 1 changed routes: ok\n');
  expect(diff.status).toBe(0);
});
