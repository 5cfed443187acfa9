/* @zfb-next-todo: '@takazudo/zfb/content' works only inside a zfb build: load this data another way (e.g. read the files in Node) */
import { getCollection } from '@takazudo/zfb/content';

async function paths() {
  const posts = getCollection('posts');
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}

let zfbEntries: Promise<Awaited<ReturnType<typeof paths>>> | undefined;

/** zfb's paths() list, computed once per build process. */
function loadEntries() {
  zfbEntries ??= Promise.resolve(paths());
  return zfbEntries;
}

/** The paths() entry a URL was built from, found by its params. */
async function entryFor(params: Record<string, any>): Promise<any> {
  const entries = await loadEntries();
  return entries.find((entry: any) => entry.params.slug === params.slug);
}

/** zfb builds only the URLs paths() lists, so every other URL is a 404 here too. */
export async function getStaticPaths() {
  const entries = await loadEntries();
  return { paths: entries.map((entry: any) => ({ params: entry.params })), fallback: false };
}

/** The component gets what zfb gives it: the entry's params with its props spread beside them. */
export async function getStaticProps({ params }: { params?: Record<string, any> }) {
  const entry = await entryFor(params ?? {});
  if (!entry) return { notFound: true };
  return { props: { params: entry.params, ...entry.props } };
}

export default function Post({ post }: { post: { data: { title: string } } }) {
  return <h1>{post.data.title}</h1>;
}
