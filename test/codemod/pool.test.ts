import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * Above 200 candidate files (220 here) the runner spreads the work over worker threads, which run compiled code only:
 * the published entry point must give exactly the summary the in-process run gives.
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
  const spawned = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'zfb-next.js'), ...args], {
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
