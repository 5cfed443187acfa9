/* @zfb-next-todo: 'node:fs' is a Node module; zfb runs paths() and pages in V8 without Node: load this data before the build */
import fs from 'node:fs';
/* @zfb-next-todo: 'path' is a Node module; zfb runs paths() and pages in V8 without Node: load this data before the build */
import path from 'path';

async function getStaticPaths() {
  /* @zfb-next-todo: `process` is undefined in zfb (only process.env.NODE_ENV is set): pass this value in another way */
  const files = fs.readdirSync(path.join(process.cwd(), 'posts'));
  return { paths: files.map((file) => ({ params: { slug: file.replace(/\.md$/, '') } })), fallback: false };
}

async function getStaticProps({ params }) {
  /* @zfb-next-todo: fetch() throws in zfb (no network during the build): load this data before the build */
  const response = await fetch(`https://cms.example.com/posts/${params.slug}`);
  const post = await response.json();
  const preview = process.env.NODE_ENV !== 'production';
  return { props: { post, preview } };
}

/**
 * The URLs zfb builds: the entries of getStaticPaths, each with the props getStaticProps gives it.
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
export async function paths() {
  const { paths: listed } = await getStaticPaths({ locales: [], defaultLocale: undefined });
  const seen = new Set<string>();
  const entries = [];
  for (const path of listed) {
    const params = { slug: path.params.slug };
    const key = JSON.stringify(params);
    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await getStaticProps({ params });
    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
    if (!('props' in result)) continue;
    entries.push({ params, props: await result.props });
  }
  return entries;
}

export default function Post({ post }) {
  return <h1>{post.title}</h1>;
}
