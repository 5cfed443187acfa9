// A generated Next.js repository for `zfb-next migrate` at scale: `count` route files, half pages router
// (getStaticPaths + getStaticProps reading markdown with fs) and half app router (generateStaticParams + an
// async page reading markdown), a shared layout, _app with global CSS, and two markdown files per route.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function generateNextRepo(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  write(path.join(dir, 'package.json'), JSON.stringify({ name: 'generated', private: true, dependencies: { next: '16.4.6', react: '^19.3.1', 'react-dom': '^19.3.1' } }, null, 2) + '\n');
  write(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  write(
    path.join(dir, 'lib', 'content.js'),
    `import fs from 'fs';
import path from 'path';

export function readEntries(section) {
  const folder = path.join(process.cwd(), 'content', section);
  return fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort().map((name) => {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    const [title, ...body] = text.split('\\n');
    return { slug: name.replace(/\\.md$/, ''), title: title.replace(/^# /, ''), body: body.join(' ').trim() };
  });
}
`,
  );
  write(path.join(dir, 'styles', 'globals.css'), 'body { margin: 0; font-family: sans-serif; }\n');
  write(path.join(dir, 'pages', '_app.js'), `import '../styles/globals.css';\nexport default function App({ Component, pageProps }) {\n  return <main><Component {...pageProps} /></main>;\n}\n`);
  write(path.join(dir, 'app', 'layout.js'), `export const metadata = { title: { default: 'Generated', template: '%s | Generated' } };\nexport default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`);
  const half = Math.floor(count / 2);
  for (let i = 0; i < count; i++) {
    const section = `s${i}`;
    for (const slug of ['first', 'second']) write(path.join(dir, 'content', section, `${slug}.md`), `# ${section} ${slug}\nText of ${section}/${slug}.\n`);
    if (i < half) {
      write(
        path.join(dir, 'pages', `p${i}`, '[slug].js'),
        `import { readEntries } from '../../lib/content';

export default function Entry({ title, body }) {
  return <article><h1>{title}</h1><p>{body}</p></article>;
}

export async function getStaticPaths() {
  return { paths: readEntries('${section}').map((entry) => ({ params: { slug: entry.slug } })), fallback: false };
}

export async function getStaticProps({ params }) {
  const entry = readEntries('${section}').find((e) => e.slug === params.slug);
  return { props: { title: entry.title, body: entry.body } };
}
`,
      );
    } else {
      write(
        path.join(dir, 'app', `a${i}`, '[slug]', 'page.js'),
        `import { readEntries } from '../../../lib/content';

export const dynamicParams = false;

export function generateStaticParams() {
  return readEntries('${section}').map((entry) => ({ slug: entry.slug }));
}

export async function generateMetadata({ params }) {
  const { slug } = await params;
  return { title: '${section} ' + slug };
}

export default async function Entry({ params }) {
  const { slug } = await params;
  const entry = readEntries('${section}').find((e) => e.slug === slug);
  return <article><h1>{entry.title}</h1><p>{entry.body}</p></article>;
}
`,
      );
    }
  }
  return dir;
}
