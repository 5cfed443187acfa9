import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { pageFile, unsafeOutput } from '../../src/build/layout.js';
import { stripDataExports } from '../../src/render/strip-data-exports.js';
import { serializationProblem } from '../../src/render/props-check.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture } from '../helpers/engines.js';
import { pageFacts } from './compare.js';

test('the browser copy of a page loses its data functions and what only they used, nothing else', () => {
  const source = `import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Head from 'next/head';
import { format } from './format';
import './page.css';
const dir = path.join(process.cwd(), 'content');
async function load(slug) { return readFile(path.join(dir, slug), 'utf8'); }
export const getStaticProps = async ({ params }) => ({ props: { body: await load(params.slug) } });
export async function getStaticPaths() { return { paths: [], fallback: false }; }
export default function Page({ body }) { return <Head>{format(body)}</Head>; }
`;
  const stripped = stripDataExports(source, 'page.jsx');
  expect(stripped).not.toMatch(/readFile|node:path|getStaticProps|getStaticPaths|const dir|function load/);
  expect(stripped).toContain("import Head from 'next/head';");
  expect(stripped).toContain("import { format } from './format';");
  expect(stripped).toContain("import './page.css';");
  expect(stripped).toContain('export default function Page');
});

test('a helper the component still uses stays, even when a data function used it too', () => {
  const source = `const title = (s) => s.toUpperCase();
export function getStaticProps() { return { props: { t: title('a') } }; }
export default function P({ t }) { return title(t); }
`;
  expect(stripDataExports(source, 'p.js')).toContain('const title = (s) => s.toUpperCase();');
});

test("props Next.js would refuse are named with Next's message", () => {
  expect(serializationProblem({ post: { date: new Date(0) } }, '/blog/[slug]')).toBe(
    'Error serializing `.post.date` returned from `getStaticProps` in "/blog/[slug]".\nReason: `object` ("[object Date]") cannot be serialized as JSON. Please only return JSON serializable data types.',
  );
  expect(serializationProblem({ a: undefined }, '/')).toContain('`undefined` cannot be serialized as JSON');
  expect(serializationProblem({ a: [1, 'x', null, { b: true }] }, '/')).toBeUndefined();
});

test('output file names of both layouts, and paths that would leave the output folder', () => {
  expect(pageFile('/', 'zfb', false)).toBe('index.html');
  expect(pageFile('/blog/a', 'zfb', false)).toBe('blog/a/index.html');
  expect(pageFile('/blog/a', 'next-export', false)).toBe('blog/a.html');
  expect(pageFile('/blog/a', 'next-export', true)).toBe('blog/a/index.html');
  expect(unsafeOutput('docs/../../x/index.html')).toMatch(/outside/);
  expect(unsafeOutput('docs/./x/index.html')).toBeDefined();
  expect(unsafeOutput('docs/a%2Fb/index.html')).toBeUndefined();
});

test('a half-migrated project: zfb paths() pages beside Next pages render with their props', async () => {
  const dir = copyFixture('next-pages-mixed', 'build-units');
  const run = await runCli(['build', dir]);
  expect(run.code, run.stdout).toBe(0);
  expect(pageFacts(path.join(dir, 'dist/docs/one/index.html')).text).toBe('One');
  expect(pageFacts(path.join(dir, 'dist/docs/two/index.html')).text).toBe('Two');
  const routes = JSON.parse(readFileSync(path.join(dir, 'dist/__zfb/routes.json'), 'utf8')) as { routes: { url: string; source: string }[] };
  expect(routes.routes.find((r) => r.url === '/docs/one')?.source).toBe('pages/docs/[slug].tsx');
});
