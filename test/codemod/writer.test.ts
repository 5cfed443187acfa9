import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { listFiles } from '../helpers/files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zfb-next-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (n: string): string =>
  `export async function getStaticProps() {\n  return { props: { n: '${n}' } };\n}\n\nexport default function Page({ n }) {\n  return <p>{n}</p>;\n}\n`;

/** 40 pages to move (enough for the writer thread), two of which move to the same app route. */
function project(root: string): void {
  mkdirSync(path.join(root, 'pages', 'x'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{"private":true}\n');
  for (let i = 0; i < 38; i++) writeFileSync(path.join(root, 'pages', `p${i}.jsx`), page(String(i)));
  writeFileSync(path.join(root, 'pages', 'x.jsx'), page('x'));
  writeFileSync(path.join(root, 'pages', 'x', 'index.jsx'), page('x/index'));
}

function tree(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root, { all: true }).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
}

/**
 * The compiled CLI hands this thread's writes to a writer thread (tests from the TypeScript sources write in
 * place): the two must leave the same files and report the same outcomes, collisions included.
 */
it('the writer thread (compiled CLI) leaves the tree and the summary an in-place run leaves', async () => {
  const threaded = path.join(dir, 'threaded');
  const inPlace = path.join(dir, 'in-place');
  project(threaded);
  project(inPlace);

  const spawned = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'zfb-next.js'), 'codemod', 'pages-to-app', 'pages', '--force', '--json'], {
    cwd: threaded,
    encoding: 'utf8',
  });
  const cwd = process.cwd();
  process.chdir(inPlace);
  let reference;
  try {
    reference = await runCli(['codemod', 'pages-to-app', 'pages', '--force', '--json']);
  } finally {
    process.chdir(cwd);
  }

  expect(spawned.stderr).toBe('');
  expect(spawned.status).toBe(1);
  expect(reference.code).toBe(1);
  const summary = JSON.parse(spawned.stdout);
  expect(summary).toEqual(JSON.parse(reference.stdout));
  expect(summary.counts).toMatchObject({ changed: 39, failed: 1 });
  expect(summary.files.find((f: { status: string }) => f.status === 'failed').reason).toBe('app/x/page.jsx already exists, file left untouched');
  expect(tree(threaded)).toEqual(tree(inPlace));
  expect(existsSync(path.join(threaded, 'pages', 'p0.jsx'))).toBe(false);
  expect(readFileSync(path.join(threaded, 'app', 'p0', 'page.jsx'), 'utf8')).toContain("n: '0'");
});

it('a write the writer thread cannot finish fails the run loudly, after the other writes', async () => {
  const { startWriter } = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'codemod', 'writer.js')).href)) as typeof import('../../src/codemod/writer.js');
  const writer = startWriter();
  const ok = writer.write({ target: path.join(dir, 'app', 'a', 'page.jsx'), text: 'a', root: dir });
  // The moved file's old copy is gone before the writer removes it: the new file is written, then unlink fails.
  const lost = writer.write({ target: path.join(dir, 'app', 'b', 'page.jsx'), text: 'b', root: dir, movedFrom: path.join(dir, 'gone.jsx') });
  writeFileSync(path.join(dir, 'taken.jsx'), 'theirs');
  const taken = writer.write({ target: path.join(dir, 'taken.jsx'), text: 'ours', root: dir, movedFrom: path.join(dir, 'src.jsx') });
  await expect(ok).resolves.toBeUndefined();
  await expect(lost).rejects.toThrow(/ENOENT.*gone\.jsx/);
  await expect(taken).resolves.toEqual({ targetExists: true, message: `${path.join(dir, 'taken.jsx')} already exists` });
  await writer.close();
  expect(readFileSync(path.join(dir, 'app', 'a', 'page.jsx'), 'utf8')).toBe('a');
  expect(readFileSync(path.join(dir, 'taken.jsx'), 'utf8')).toBe('theirs');
  expect(listFiles(dir, { all: true })).toEqual(['app/a/page.jsx', 'app/b/page.jsx', 'taken.jsx']);
});
