import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { pageFile, unsafeOutput } from '../../src/build/layout.js';
import { planBuild } from '../../src/build/plan.js';
import { stripDataExports } from '../../src/render/strip-data-exports.js';
import { serializationProblem } from '../../src/render/props-check.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, REPO_ROOT } from '../helpers/engines.js';
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

test("next.config's webpack loader rules run on the files they cover; aliased assets resolve through paths", async () => {
  const dir = path.join(REPO_ROOT, '.work', 'build-units', 'loader-rules');
  rmSync(dir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'package.json': '{"private":true}\n',
    'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/data/*': ['data/*'] } } }),
    // As tailwind-nextjs-starter-blog adds @svgr/webpack: the loader turns the file into a component.
    'next.config.js': `module.exports = { webpack(config) { config.module.rules.push({ test: /\\.svg$/, use: [{ loader: './svg-loader.cjs', options: { title: 'Logo' } }] }); return config; } };\n`,
    'svg-loader.cjs': `module.exports = function (source) {
  const callback = this.async();
  const { title } = this.getOptions();
  const inner = /<svg[^>]*>([\\s\\S]*)<\\/svg>/.exec(source)[1].trim();
  setTimeout(() => callback(null, 'import { jsx } from "react/jsx-runtime";\\nexport default function Svg() { return jsx("svg", { "aria-label": ' + JSON.stringify(title) + ', dangerouslySetInnerHTML: { __html: ' + JSON.stringify(inner) + ' } }); }\\n'), 1);
};
`,
    'data/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n',
    'data/dot.png': '',
    'pages/index.js': `import Logo from '@/data/logo.svg';
import dot from '@/data/dot.png';
export default function Home() { return <main><Logo /><img src={dot.src} alt="dot" /></main>; }
`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // A real 1x1 PNG, so the image import has a size.
  writeFileSync(path.join(dir, 'data/dot.png'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082', 'hex'));
  const run = await runCli(['build', dir]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const html = readFileSync(path.join(dir, 'dist/index.html'), 'utf8');
  expect(html).toContain('<svg aria-label="Logo"><circle r="4"/></svg>');
  expect(html).toMatch(/<img src="\/_next\/static\/media\/dot\.[0-9a-f]+\.png" alt="dot"\/>/);
});

test('with i18n, the pages router 404 is planned once per locale; the app router one stays a single page', () => {
  const model = { version: 1 as const, root: '/site', routes: [], diagnostics: [] };
  const site = { basePath: '', trailingSlash: false, buildId: 'b', limitMs: 60_000, concurrency: 8, paramsAs: 'promise' as const, metadataArgs: 'promises' as const, i18n: { locales: ['en', 'de', 'a\\b'], defaultLocale: 'en' } };
  const pages = planBuild(model, site, 'zfb', { root: '/site', hasApp: false, hasPages: true, notFoundFile: 'pages/404.jsx' });
  expect(pages.jobs.map((j) => ({ url: j.job.entry.url, locale: j.job.entry.locale, file: j.file, copies: j.copies }))).toEqual([
    { url: '/en/404', locale: 'en', file: '404.html', copies: ['en/404.html'] },
    { url: '/de/404', locale: 'de', file: 'de/404.html', copies: undefined },
  ]);
  // A locale no file system path can hold is reported, not dropped silently.
  expect(pages.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'BUILD_UNSAFE_PATH', file: 'pages/404.jsx' })]);
  expect(pages.diagnostics[0]!.message).toContain('the 404 page of locale "a\\b"');
  const mixed = planBuild(model, site, 'next-export', { root: '/site', hasApp: true, hasPages: true });
  expect(mixed.jobs.map((j) => ({ file: j.file, copies: j.copies }))).toEqual([{ file: '404.html', copies: ['_not-found.html'] }]);
});

test('a page whose file public/ has already is a conflict, as next build reports it; a folder symlinked into public/ counts', async () => {
  const dir = path.join(REPO_ROOT, '.work', 'build-units', 'public-conflict');
  rmSync(dir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'package.json': '{"private":true}\n',
    'next.config.js': 'module.exports = {};\n',
    'pages/index.jsx': 'export default function Home() { return <p>home</p>; }\n',
    'pages/about.jsx': 'export default function About() { return <p>about</p>; }\n',
    'pages/docs.jsx': 'export default function Docs() { return <p>docs</p>; }\n',
    'public/about/index.html': '<p>static about</p>\n',
    'public/robots.txt': 'User-agent: *\n',
    'elsewhere/index.html': '<p>static docs</p>\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const plain = await runCli(['build', dir]);
  expect(plain.code).toBe(1);
  expect(plain.stdout).toContain('Conflicting public and page file was found: public/about/index.html and /about (pages/about.jsx)');
  expect(plain.stdout).not.toContain('public/docs/index.html');

  symlinkSync('../elsewhere', path.join(dir, 'public/docs'));
  const linked = await runCli(['build', dir]);
  expect(linked.code).toBe(1);
  expect(linked.stdout).toContain('public/about/index.html and /about (pages/about.jsx)');
  expect(linked.stdout).toContain('Conflicting public and page file was found: public/docs/index.html and /docs (pages/docs.jsx)');
});
