import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * With --workers (and by default above 2,000 files to parse) the runner spreads the work over worker threads,
 * which run compiled code only: the published entry point must give exactly the summary the in-process run gives.
 */
test('the worker pool (compiled CLI) and the in-process run agree file by file', async () => {
  const project = path.join(REPO_ROOT, '.work', 'codemod-pool');
  const dir = path.join(project, 'pages');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{"private":true}\n');
  for (let i = 0; i < 440; i++) {
    mkdirSync(path.join(dir, `s${i}`), { recursive: true });
    const fallback = ['false', "'blocking'", 'true'][i % 3];
    writeFileSync(
      path.join(dir, `s${i}`, '[id].tsx'),
      i % 2 === 0
        ? `export async function getStaticPaths() {\n  return { paths: [{ params: { id: '${i}' } }], fallback: ${fallback} };\n}\nexport async function getStaticProps({ params }) {\n  return { props: { id: params.id } };\n}\nexport default function Page({ id }) {\n  return <p>{id}</p>;\n}\n`
        : `export default function Page() {\n  return <p>static ${i}</p>;\n}\n`,
    );
  }
  const args = ['codemod', 'pages-to-app', dir, '--dry', '--json'];
  const spawned = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'zfb-next.js'), ...args, '--workers', '1'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const inProcess = await runCli(args);
  expect(spawned.stderr).toBe('');
  expect(spawned.status).toBe(inProcess.code);
  const pool = JSON.parse(spawned.stdout);
  expect(pool.counts.changed).toBe(220);
  expect(pool).toEqual(JSON.parse(inProcess.stdout));
});

/**
 * The compiled pool shares the queue between this thread and the workers: give this thread a slow transform that
 * fails every file, and the files the workers took come back changed, each outcome in its input place.
 */
test('worker batches and this thread’s batches come back merged in input order', async () => {
  const project = path.join(REPO_ROOT, '.work', 'codemod-pool-merge');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'pages'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{"private":true}\n');
  const candidates = Array.from({ length: 400 }, (_, i) => {
    const file = path.join(project, 'pages', `p${i}.jsx`);
    const source = `export async function getStaticProps() {\n  return { props: { n: ${i} } };\n}\nexport default function Page({ n }) {\n  return <p>{n}</p>;\n}\n`;
    writeFileSync(file, source);
    return { job: { file, root: project, mode: 0o644 }, source };
  });
  const pool = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'codemod', 'pool.js')).href)) as typeof import('../../src/codemod/pool.js');
  expect(pool.poolAvailable()).toBe(true);
  // Slow enough (5 ms a file, asleep) that the workers start while this thread is still busy.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const failing = () => {
    Atomics.wait(pause, 0, 0, 5);
    throw new Error('this thread');
  };
  const { writerHere } = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'codemod', 'writer.js')).href)) as typeof import('../../src/codemod/writer.js');
  const outcomes = await pool.startPool('pages-to-app', { cwd: project, dry: true, print: false }, 1).run(failing, candidates, writerHere()).then((all) => all.map((o) => o!));
  expect(outcomes).toHaveLength(400);
  outcomes.forEach((outcome, i) => expect(outcome.file).toBe(`pages/p${i}.jsx`));
  const byWorkers = outcomes.filter((o) => o.status === 'changed');
  const byThisThread = outcomes.filter((o) => o.status === 'failed');
  expect(byWorkers.length).toBeGreaterThan(0);
  expect(byWorkers.every((o) => o.movedTo === o.file.replace(/^pages\/(p\d+)\.jsx$/, 'app/$1/page.jsx'))).toBe(true);
  expect(byThisThread.every((o) => o.reason === 'transform failed: this thread')).toBe(true);
  expect(byWorkers.length + byThisThread.length).toBe(400);
});

/**
 * A worker that dies partway through a batch has already reported (and, in a real run, moved) the files before
 * the one it died on: only the rest of the batch is redone. Here the fifth file of every batch of 8 is missing
 * on disk, which kills the worker when it reads it; this thread (a transform that fails every file) redoes the rest.
 */
test('a worker dying partway through a batch hands back only the files it had not done', async () => {
  const project = path.join(REPO_ROOT, '.work', 'codemod-pool-death');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'pages'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{"private":true}\n');
  const candidates = Array.from({ length: 160 }, (_, i) => {
    const file = path.join(project, 'pages', `p${i}.jsx`);
    const source = `export async function getStaticProps() {\n  return { props: { n: ${i} } };\n}\nexport default function Page({ n }) {\n  return <p>{n}</p>;\n}\n`;
    if (i % 8 !== 4) writeFileSync(file, source);
    return { job: { file, root: project, mode: 0o644 }, source };
  });
  const pool = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'codemod', 'pool.js')).href)) as typeof import('../../src/codemod/pool.js');
  const { writerHere } = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'codemod', 'writer.js')).href)) as typeof import('../../src/codemod/writer.js');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const failing = () => {
    Atomics.wait(pause, 0, 0, 5);
    throw new Error('this thread');
  };
  const outcomes = await pool.startPool('pages-to-app', { cwd: project, dry: true, print: false }, 1).run(failing, candidates, writerHere()).then((all) => all.map((o) => o!));
  expect(outcomes).toHaveLength(160);
  outcomes.forEach((outcome, i) => expect(outcome.file).toBe(`pages/p${i}.jsx`));
  const byWorker = outcomes.flatMap((o, i) => (o.status === 'changed' ? [i] : []));
  // The worker took one batch, did its first four files and died on the fifth.
  expect(byWorker).toHaveLength(4);
  expect(byWorker[0]! % 8).toBe(0);
  expect(byWorker).toEqual([0, 1, 2, 3].map((k) => byWorker[0]! + k));
  expect(outcomes.filter((o) => o.status === 'failed').every((o) => o.reason === 'transform failed: this thread')).toBe(true);
});
