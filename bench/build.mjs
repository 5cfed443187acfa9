// `zfb-next build` on a generated project (half pages router, half app router, every page reading its
// markdown file from disk) beside `next build` of the same project: wall time, peak memory, ratio; and
// zfb-next's pages/s at three sizes, to show the cost grows linearly. vinext (Vite-based Next.js) is timed
// too when it is installed in the repository (npm install --no-save vinext) and Node is 22 or later.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, fmtCpu, fmtMb, fmtMs, freshDir, measure, write } from './lib/measure.mjs';

const CLI = path.join(REPO_ROOT, 'bin', 'zfb-next.js');
const NEXT = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/** `pages` pages: half `pages/blog/[slug]` with getStaticProps, half `app/docs/[slug]` async server components. */
export function generateProject(name, pages) {
  const dir = freshDir(name);
  const half = Math.floor(pages / 2);
  write(path.join(dir, 'package.json'), '{"private":true}\n');
  write(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  for (let i = 0; i < half; i++) {
    write(
      path.join(dir, 'content', `post-${i}.md`),
      `# Post ${i}\n\nThe body of post ${i}, read from disk at build time.\n\nA second paragraph, so there is something to split.\n`,
    );
  }
  write(
    path.join(dir, 'lib', 'markdown.js'),
    `import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function readPost(slug) {
  const text = await readFile(path.join(process.cwd(), 'content', slug.replace(/^(post|doc)-/, 'post-') + '.md'), 'utf8');
  const [title, ...paragraphs] = text.split(/\\n\\n+/);
  return { title: title.replace(/^# /, ''), paragraphs: paragraphs.map((p) => p.trim()).filter(Boolean) };
}

export const slugs = (prefix) => Array.from({ length: ${half} }, (_, i) => prefix + '-' + i);
`,
  );
  write(
    path.join(dir, 'pages', 'blog', '[slug].js'),
    `import Head from 'next/head';
import { readPost, slugs } from '../../lib/markdown';

export async function getStaticPaths() {
  return { paths: slugs('post').map((slug) => ({ params: { slug } })), fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { post: await readPost(params.slug) } };
}

export default function Post({ post }) {
  return (
    <article>
      <Head><title>{post.title}</title></Head>
      <h1>{post.title}</h1>
      {post.paragraphs.map((p, i) => <p key={i}>{p}</p>)}
    </article>
  );
}
`,
  );
  write(
    path.join(dir, 'app', 'layout.js'),
    `export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  );
  write(
    path.join(dir, 'app', 'docs', '[slug]', 'page.js'),
    `import { readPost, slugs } from '../../../lib/markdown';

export const dynamicParams = false;

export function generateStaticParams() {
  return slugs('doc').map((slug) => ({ slug }));
}

export async function generateMetadata({ params }) {
  const { slug } = await params;
  return { title: (await readPost(slug)).title };
}

async function Body({ slug }) {
  const post = await readPost(slug);
  return post.paragraphs.map((p, i) => <p key={i}>{p}</p>);
}

export default async function Doc({ params }) {
  const { slug } = await params;
  return <article><h1>Doc {slug}</h1><Body slug={slug} /></article>;
}
`,
  );
  return dir;
}

async function zfbNextBuild(dir) {
  const run = await measure([CLI, 'build', dir]);
  if (run.code !== 0) throw new Error(`zfb-next build failed on ${dir}:\n${run.stderr}`);
  return run;
}

export default async function bench() {
  const rows = [];
  const sizes = [200, 2_000, 20_000];
  const runs = new Map();
  for (const size of sizes) {
    const run = await zfbNextBuild(generateProject(`build-${size}`, size));
    runs.set(size, run);
    const rate = size / (run.ms / 1000);
    rows.push({ case: `zfb-next build, ${size.toLocaleString('en')} pages`, wall: fmtMs(run.ms), peak: fmtMb(run.peakMb), 'all processes': fmtMb(run.treePeakMb), cpu: fmtCpu(run.cpuS), 'pages/s': rate.toFixed(0), target: '', met: '' });
  }
  const big = runs.get(20_000);
  rows.push({ case: 'peak memory at 20,000 pages (all processes)', wall: '', peak: fmtMb(big.peakMb), 'all processes': fmtMb(big.treePeakMb), 'pages/s': '', target: '< 1 GB', met: big.treePeakMb < 1024 ? 'yes' : 'no' });
  // Linear: 10x the pages may cost at most a little over 10x the time once start-up is paid.
  const ratio = big.ms / runs.get(2_000).ms;
  rows.push({ case: '20,000 / 2,000 time ratio', wall: ratio.toFixed(2), peak: '', 'pages/s': '', target: '<= 11 (linear)', met: ratio <= 11 ? 'yes' : 'no' });

  const dir = path.join(path.dirname(generateProject('build-2000-next', 2_000)), 'build-2000-next');
  const next = await measure([NEXT, 'build'], { cwd: dir });
  const ours = runs.get(2_000);
  rows.push({ case: 'next build, 2,000 pages', wall: next.code === 0 ? fmtMs(next.ms) : `failed (exit ${next.code})`, peak: fmtMb(next.peakMb), 'all processes': fmtMb(next.treePeakMb), cpu: fmtCpu(next.cpuS), 'pages/s': next.code === 0 ? (2000 / (next.ms / 1000)).toFixed(0) : '', target: '', met: '' });
  if (next.code === 0) {
    const speedup = next.ms / ours.ms;
    rows.push({ case: 'next build / zfb-next build (2,000 pages)', wall: `${speedup.toFixed(1)}x faster`, peak: '', cpu: Number.isNaN(next.cpuS / ours.cpuS) ? '' : `${(next.cpuS / ours.cpuS).toFixed(1)}x less CPU`, 'pages/s': '', target: '>= 10x (goal 20x)', met: speedup >= 10 ? 'yes' : 'no' });
  }
  const vinext = path.join(REPO_ROOT, 'node_modules', 'vinext', 'package.json');
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < 22) {
    // vinext declares engines.node >=22 (every release) and imports fs/promises' glob, which Node 20 lacks.
    rows.push({ case: 'vinext build', wall: `not timed: vinext needs Node 22 or later (this is ${process.version})`, peak: '', 'pages/s': '', target: '', met: '' });
  } else if (existsSync(vinext)) {
    const bin = JSON.parse(readFileSync(vinext, 'utf8')).bin;
    const entry = path.join(REPO_ROOT, 'node_modules', 'vinext', typeof bin === 'string' ? bin : Object.values(bin)[0]);
    const run = await measure([entry, 'build'], { cwd: dir });
    const reason = run.code === 0 ? '' : (/(SyntaxError|Error)[^\n]*/.exec(run.stderr)?.[0] ?? '').slice(0, 120);
    rows.push({ case: 'vinext build, 2,000 pages', wall: run.code === 0 ? fmtMs(run.ms) : `failed (exit ${run.code}) ${reason}`, peak: fmtMb(run.peakMb), 'all processes': fmtMb(run.treePeakMb), cpu: fmtCpu(run.cpuS), 'pages/s': '', target: '', met: '' });
    if (run.code === 0) rows.push({ case: 'vinext build / zfb-next build', wall: `${(run.ms / ours.ms).toFixed(1)}x`, peak: '', 'pages/s': '', target: '', met: '' });
  } else {
    rows.push({ case: 'vinext build', wall: 'not installed (npm install --no-save vinext to compare)', peak: '', 'pages/s': '', target: '', met: '' });
  }
  return rows;
}
