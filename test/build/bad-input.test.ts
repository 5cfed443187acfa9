import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * What `zfb-next build` does with projects that cannot be built whole: it names the URL, the file, the
 * function and the component stack; it writes nothing unless asked to keep going; a failed build leaves the
 * previous output as it was; nothing is written outside the output folder.
 */

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(REPO_ROOT, '.work', 'build-bad', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries({ 'package.json': '{"private":true}\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const GOOD_PAGE = 'export default function Home() { return <h1>Home is fine</h1>; }\n';
const THROWING_PAGE = `
function Inner({ value }) {
  if (value === 'bad') throw new Error('Inner cannot render bad values');
  return <p>{value}</p>;
}
function Wrapper() {
  return <section><Inner value="bad" /></section>;
}
export default function Boom() { return <main><Wrapper /></main>; }
`;

describe('a page that throws while rendering', () => {
  const files = { 'next.config.js': 'module.exports = {};\n', 'pages/index.jsx': GOOD_PAGE, 'pages/boom.jsx': THROWING_PAGE };

  test('fails the build naming the URL, the file and the component stack; the previous output stays', async () => {
    const dir = project('throws', files);
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'previous.txt'), 'the last good build\n');
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('/boom pages/boom.jsx: Inner cannot render bad values');
    expect(run.stdout).toMatch(/component stack:\n\s+at Inner\n\s+at section\n\s+at Wrapper/);
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['previous.txt']);
    expect(readdirSync(path.dirname(dir)).filter((f) => f.includes('zfb-next'))).toEqual([]);
  });

  test('with --keep-going the other pages are written, the failure listed, and the exit code is 1', async () => {
    const dir = project('throws-keep-going', files);
    const run = await runCli(['build', dir, '--keep-going']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('failed (1):');
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Home is fine');
    expect(existsSync(path.join(dir, 'dist/boom/index.html'))).toBe(false);
  });
});

test('a data function that never resolves is reported after the time limit, naming the route', async () => {
  const dir = project('never-resolves', {
    'next.config.js': 'module.exports = { staticPageGenerationTimeout: 2 };\n',
    'pages/index.jsx': GOOD_PAGE,
    'pages/slow/[id].jsx': `
export async function getStaticPaths() { return { paths: [{ params: { id: 'one' } }], fallback: false }; }
export function getStaticProps() { return new Promise(() => {}); }
export default function Slow() { return <p>never</p>; }
`,
  });
  const started = Date.now();
  const run = await runCli(['build', dir, '--keep-going']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('/slow/one pages/slow/[id].jsx: getStaticProps() in pages/slow/[id].jsx (route /slow/one) did not finish within 2 s');
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Home is fine');
});

test('a getStaticProps redirect fails the build, as next build fails while prerendering', async () => {
  const dir = project('gsp-redirect', {
    'next.config.js': 'module.exports = {};\n',
    'pages/index.jsx': GOOD_PAGE,
    'pages/moved/[slug].jsx': `
export async function getStaticPaths() { return { paths: [{ params: { slug: 'old' } }, { params: { slug: 'new' } }], fallback: false }; }
export async function getStaticProps({ params }) {
  return params.slug === 'old' ? { redirect: { destination: '/moved/new', permanent: true } } : { props: { slug: params.slug } };
}
export default function Moved({ slug }) { return <p>moved {slug}</p>; }
`,
  });
  const run = await runCli(['build', dir, '--keep-going']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('/moved/old pages/moved/[slug].jsx getStaticProps(): `redirect` can not be returned from getStaticProps during prerendering (/moved/old)');
  expect(readFileSync(path.join(dir, 'dist/moved/new/index.html'), 'utf8')).toContain('moved <!-- -->new');
  expect(existsSync(path.join(dir, 'dist/moved/old'))).toBe(false);
});

test('params that would write outside the output folder are refused', async () => {
  const dir = project('escaping-params', {
    'next.config.js': 'module.exports = {};\n',
    'pages/index.jsx': GOOD_PAGE,
    'pages/docs/[...path].jsx': `
export async function getStaticPaths() { return { paths: [{ params: { path: ['..', '..', 'escaped'] } }, { params: { path: ['fine'] } }], fallback: false }; }
export async function getStaticProps({ params }) { return { props: { path: params.path } }; }
export default function Doc({ path }) { return <p>{path.join('/')}</p>; }
`,
  });
  const strict = await runCli(['build', dir]);
  expect(strict.code).toBe(1);
  expect(strict.stdout).toContain('BUILD_UNSAFE_PATH pages/docs/[...path].jsx: /docs/../../escaped of /docs/[...path] is not written');
  expect(existsSync(path.join(dir, 'dist'))).toBe(false);

  const kept = await runCli(['build', dir, '--keep-going']);
  expect(kept.code).toBe(1);
  expect(readFileSync(path.join(dir, 'dist/docs/fine/index.html'), 'utf8')).toContain('fine');
  expect(existsSync(path.join(dir, 'escaped'))).toBe(false);
  expect(existsSync(path.join(path.dirname(dir), 'escaped'))).toBe(false);
});

describe('a broken _app or root layout stops the build before anything is written', () => {
  test.each([
    ['pages', { 'next.config.js': 'module.exports = {};\n', 'pages/index.jsx': GOOD_PAGE, 'pages/_app.jsx': "throw new Error('the app shell is broken');\nexport default function App() { return null; }\n" }],
    [
      'app',
      {
        'next.config.js': 'module.exports = {};\n',
        'app/layout.jsx': "const config = undefined;\nconst theme = config.theme;\nexport default function RootLayout({ children }) { return <html lang=\"en\"><body className={theme}>{children}</body></html>; }\n",
        'app/page.jsx': GOOD_PAGE,
      },
    ],
  ] as const)('%s', async (name, files) => {
    const dir = project(`broken-${name}`, files);
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'previous.txt'), 'kept\n');
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stopped before writing anything');
    expect(run.stdout).toMatch(name === 'pages' ? /the app shell is broken/ : /Cannot read properties of undefined \(reading 'theme'\)/);
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['previous.txt']);
  });
});

test('a host that dies while rendering is replaced: the other pages are written, the model is not computed again', async () => {
  // --jobs 1: the host that prepared the build renders every page, so it is the one that dies.
  const dir = project('host-dies', {
    'next.config.js': 'module.exports = {};\n',
    'pages/n/[id].jsx': `
import { appendFileSync } from 'node:fs';
export async function getStaticPaths() {
  appendFileSync('paths-calls.txt', 'x');
  return { paths: Array.from({ length: 30 }, (_, i) => ({ params: { id: String(i) } })), fallback: false };
}
export async function getStaticProps({ params }) {
  if (params.id === '17') process.kill(process.pid, 'SIGKILL');
  return { props: { id: params.id } };
}
export default function N({ id }) { return <p>page {id}</p>; }
`,
  });
  const run = await runCli(['build', dir, '--keep-going', '--jobs', '1']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('/n/17 pages/n/[id].jsx');
  expect(run.stdout).toContain('ended the process that runs it (signal SIGKILL)');
  const written = readdirSync(path.join(dir, 'dist/n')).sort((a, b) => Number(a) - Number(b));
  expect(written).toEqual(Array.from({ length: 30 }, (_, i) => String(i)).filter((id) => id !== '17'));
  expect(readFileSync(path.join(dir, 'dist/n/29/index.html'), 'utf8')).toContain('page <!-- -->29');
  expect(readFileSync(path.join(dir, 'paths-calls.txt'), 'utf8')).toBe('x');
});

test('a page that cannot be written fails the build naming its URL; with --keep-going the rest are written and listed', async () => {
  // A route handler's file `data.json` is where the page `data.json/x` needs a folder.
  const dir = project('unwritable-page', {
    'next.config.js': 'module.exports = {};\n',
    'app/layout.jsx': 'export default function RootLayout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
    'app/page.jsx': GOOD_PAGE,
    'app/data.json/route.js': "export const dynamic = 'force-static';\nexport function GET() { return Response.json({ ok: true }); }\n",
    'app/data.json/x/page.jsx': 'export default function X() { return <p>x</p>; }\n',
  });
  const strict = await runCli(['build', dir]);
  expect(strict.code).toBe(1);
  expect(strict.stdout).toContain('/data.json/x app/data.json/x/page.jsx: data.json/x/index.html could not be written: ENOTDIR');
  expect(existsSync(path.join(dir, 'dist'))).toBe(false);

  const kept = await runCli(['build', dir, '--keep-going']);
  expect(kept.code).toBe(1);
  expect(kept.stdout).toContain('2 pages');
  expect(readFileSync(path.join(dir, 'dist/data.json'), 'utf8')).toBe('{"ok":true}');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/__zfb/routes.json'), 'utf8')) as { routes: { url: string }[] };
  expect(manifest.routes.map((r) => r.url).sort()).toEqual(['/', '/data.json']);
});

test('a PostCSS config that throws stops the build naming the file (it loads while the route model is computed)', async () => {
  const dir = project('broken-postcss', {
    'next.config.js': 'module.exports = {};\n',
    'postcss.config.js': "throw new Error('the PostCSS config is broken');\n",
    'pages/index.jsx': GOOD_PAGE,
  });
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'previous.txt'), 'kept\n');
  const run = await runCli(['build', dir]);
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).toContain('stopped before writing anything: postcss.config.js could not be loaded: the PostCSS config is broken');
  expect(readdirSync(path.join(dir, 'dist'))).toEqual(['previous.txt']);
});
