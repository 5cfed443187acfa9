import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { snapshotTree } from './helpers.js';

// A symbolic link is part of what the user wrote: the output has it too, as a link with the same text (never
// followed, so a link out of the project copies nothing from outside it).
it('keeps each symbolic link of the source as the same link in the output', async () => {
  const dir = path.join(REPO_ROOT, '.work', 'migrate-links', 'site');
  const out = `${dir}-zfb`;
  rmSync(path.dirname(dir), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'pages'), { recursive: true });
  mkdirSync(path.join(dir, 'shared'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"private":true,"dependencies":{"next":"16.4.6"}}\n');
  writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  writeFileSync(path.join(dir, 'pages/index.tsx'), 'export default function Home() { return <p>home</p>; }\n');
  writeFileSync(path.join(dir, 'shared/notes.txt'), 'notes\n');
  symlinkSync('../shared/notes.txt', path.join(dir, 'pages/notes.txt'));
  symlinkSync('shared', path.join(dir, 'linked-folder'));
  symlinkSync('/nowhere/at/all', path.join(dir, 'broken'));
  // A linked folder of pages: Next routes through it, so its pages are migrated into a real folder.
  mkdirSync(path.join(dir, 'more-pages'));
  writeFileSync(path.join(dir, 'more-pages/extra.tsx'), 'export default function Extra() { return <p>extra</p>; }\n');
  symlinkSync('../more-pages', path.join(dir, 'pages/more'));
  const before = snapshotTree(dir);

  const run = await runCli(['migrate', path.relative(process.cwd(), dir), '--out', path.relative(process.cwd(), out), '--force', '--json']);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as MigrationReport;
  expect(report.notMigrated.filter((n) => n.reason.includes('symbolic link')).map((n) => n.file)).toEqual(['pages/more']);
  expect(report.urls.after).toContain('/more/extra');
  expect(lstatSync(path.join(out, 'pages/more')).isDirectory()).toBe(true);
  const links: [string, string][] = [
    ['pages/notes.txt', '../shared/notes.txt'],
    ['linked-folder', 'shared'],
    ['broken', '/nowhere/at/all'],
  ];
  for (const [link, target] of links) {
    expect(lstatSync(path.join(out, link)).isSymbolicLink(), link).toBe(true);
    expect(readlinkSync(path.join(out, link))).toBe(target);
  }
  expect(snapshotTree(dir)).toEqual(before);
});
