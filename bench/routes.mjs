// `zfb-next routes --json` on generated projects: entries scale, route-file scale, and `next build` beside it.
import path from 'node:path';
import { OUT, REPO_ROOT, fmtMb, fmtMs, freshDir, measure, write } from './lib/measure.mjs';

const CLI = path.join(REPO_ROOT, 'bin', 'zfb-next.js');
const NEXT = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

function nextProject(name) {
  const dir = freshDir(name);
  write(path.join(dir, 'package.json'), '{"private":true}\n');
  write(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  return dir;
}

/** One dynamic page whose getStaticPaths returns `count` entries. */
function entriesProject(count) {
  const dir = nextProject(`entries-${count}`);
  write(
    path.join(dir, 'pages', 'p', '[id].js'),
    `export async function getStaticPaths() {
  const paths = [];
  for (let i = 0; i < ${count}; i++) paths.push({ params: { id: 'item-' + i } });
  return { paths, fallback: false };
}
export async function getStaticProps({ params }) { return { props: { id: params.id } }; }
export default function P({ id }) { return id; }
`,
  );
  return dir;
}

/** `count` route files, each a dynamic page with two entries. */
function filesProject(count) {
  const dir = nextProject(`files-${count}`);
  for (let i = 0; i < count; i++) {
    write(
      path.join(dir, 'pages', `section-${i}`, '[slug].js'),
      `export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }, { params: { slug: 'b' } }], fallback: false };
}
export async function getStaticProps({ params }) { return { props: { slug: params.slug } }; }
export default function P({ slug }) { return slug; }
`,
    );
  }
  return dir;
}

/**
 * A real-size MDX site: 500 MDX pages compiled with @next/mdx and remark-gfm, and a docs route whose
 * generateStaticParams reads 500 MDX files from disk.
 */
function mdxProject(count) {
  const dir = freshDir(`mdx-${count}`);
  write(path.join(dir, 'package.json'), '{"private":true}\n');
  write(
    path.join(dir, 'next.config.mjs'),
    `import createMDX from '@next/mdx';
const withMDX = createMDX({ options: { remarkPlugins: [['remark-gfm', {}]] } });
export default withMDX({ pageExtensions: ['ts', 'tsx', 'mdx'] });
`,
  );
  write(path.join(dir, 'mdx-components.tsx'), 'export function useMDXComponents(components) { return components; }\n');
  write(path.join(dir, 'app', 'layout.tsx'), 'export default function L({ children }) { return <html><body>{children}</body></html>; }\n');
  write(
    path.join(dir, 'app', 'docs', '[slug]', 'page.tsx'),
    `import { readdirSync } from 'node:fs';
import path from 'node:path';
export function generateStaticParams() {
  return readdirSync(path.join(process.cwd(), 'content')).map((file) => ({ slug: file.replace(/\\.mdx$/, '') }));
}
export default async function Page({ params }) { return <h1>{(await params).slug}</h1>; }
`,
  );
  for (let i = 0; i < count; i++) {
    const body = `# Note ${i}\n\n| a | b |\n| - | - |\n| ${i} | ~~struck~~ |\n\nSee https://example.com/${i}.\n`;
    write(path.join(dir, 'app', 'notes', `n${i}`, 'page.mdx'), body);
    write(path.join(dir, 'content', `doc-${i}.mdx`), body);
  }
  return dir;
}

async function routesJson(dir) {
  const run = await measure([CLI, 'routes', '--json', dir]);
  if (run.code !== 0) throw new Error(`routes failed on ${dir}:\n${run.stderr}`);
  return run;
}

export default async function bench() {
  const rows = [];
  const small = await routesJson(entriesProject(10_000));
  const large = await routesJson(entriesProject(100_000));
  rows.push({ case: '1 page, 10,000 entries', wall: fmtMs(small.ms), peak: fmtMb(small.peakMb), target: '', met: '' });
  rows.push({
    case: '1 page, 100,000 entries',
    wall: fmtMs(large.ms),
    peak: fmtMb(large.peakMb),
    target: '< 2 s, < 500 MB',
    met: large.ms < 2000 && large.peakMb < 500 ? 'yes' : 'no',
  });
  // Fixed start-up cost aside, the cost should grow with the entries: 10x the entries, at most ~10x the time.
  const ratio = large.ms / small.ms;
  rows.push({ case: '100k / 10k time ratio', wall: ratio.toFixed(2), peak: '', target: '<= 10 (linear)', met: ratio <= 10 ? 'yes' : 'no' });

  const filesDir = filesProject(2_000);
  const files = await routesJson(filesDir);
  rows.push({ case: '2,000 route files (zfb-next routes)', wall: fmtMs(files.ms), peak: fmtMb(files.peakMb), target: '', met: '' });
  const next = await measure([NEXT, 'build'], { cwd: filesDir });
  rows.push({
    case: '2,000 route files (next build)',
    wall: next.code === 0 ? fmtMs(next.ms) : `failed (exit ${next.code})`,
    peak: fmtMb(next.peakMb),
    target: '',
    met: '',
  });
  rows.push({
    case: 'zfb-next routes / next build',
    wall: next.code === 0 ? (files.ms / next.ms).toFixed(3) : 'n/a (next build failed)',
    peak: '',
    target: '',
    met: '',
  });

  const mdxDir = mdxProject(500);
  const mdx = await routesJson(mdxDir);
  rows.push({ case: 'MDX site, 500 MDX pages + 500 docs (zfb-next routes)', wall: fmtMs(mdx.ms), peak: fmtMb(mdx.peakMb), target: '', met: '' });
  const mdxNext = await measure([NEXT, 'build'], { cwd: mdxDir });
  rows.push({
    case: 'MDX site (next build)',
    wall: mdxNext.code === 0 ? fmtMs(mdxNext.ms) : `failed (exit ${mdxNext.code})`,
    peak: fmtMb(mdxNext.peakMb),
    target: '',
    met: '',
  });
  rows.push({
    case: 'MDX site: zfb-next routes / next build',
    wall: mdxNext.code === 0 ? (mdx.ms / mdxNext.ms).toFixed(3) : 'n/a (next build failed)',
    peak: '',
    target: '',
    met: '',
  });
  return rows;
}
