import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * webpack's inline `!raw-loader!` requests in code that also runs in the browser (a docs site's code
 * samples, as react.dev's Sandpack templates load them): the page and its browser bundle both get the
 * file's text. raw-loader is the small stand-in of fixtures/real-shapes-webpack.
 */
test('a component that imports a file through raw-loader renders its text and bundles for the browser', async () => {
  const dir = path.join(REPO_ROOT, '.work', 'build-inline-loaders');
  rmSync(dir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'package.json': '{"private":true}\n',
    'next.config.js': 'module.exports = {};\n',
    'sample/hello.js': "export const greeting = 'hello from the sample';\n",
    'pages/index.jsx': `import sample from '!raw-loader!../sample/hello.js';
const again = require('!raw-loader?esModule=false!../sample/hello.js');
export default function Home() { return <pre>{sample.length === again.length ? sample : 'differs'}</pre>; }
`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  cpSync(path.join(REPO_ROOT, 'fixtures/real-shapes-webpack/_packages/raw-loader'), path.join(dir, 'node_modules/raw-loader'), { recursive: true });
  const run = await runCli(['build', dir]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const html = readFileSync(path.join(dir, 'dist/index.html'), 'utf8');
  expect(html).toContain('export const greeting = &#x27;hello from the sample&#x27;;');
  const script = /<script[^>]+src="(\/_next\/static\/chunks\/page-index-[^"]+)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const chunks = readFileSync(path.join(dir, 'dist', script!), 'utf8');
  expect(chunks).not.toContain('raw-loader!');
});
