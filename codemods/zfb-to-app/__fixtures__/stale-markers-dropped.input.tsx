import type { Metadata } from 'next';
import { getComments, getPost } from '../../lib/posts';

/* @zfb-next-todo: revalidate: zfb is static only; this page changes only when the site is rebuilt */
export const revalidate = 60;

/* @zfb-next-todo: zfb has no metadata API: render <title> and <meta> in the page <head> */
export async function generateMetadata({ params }: { params: { slug: string } }): Promise<Metadata> {
  const { slug } = params;
  return { title: slug };
}

function generateStaticParams() {
  return [{ slug: 'a' }, { slug: 'b' }];
}

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
export async function paths() {
  const sets: Record<string, any>[] = await generateStaticParams();
  // Next builds none of the route's URLs when one params set lacks a key.
  if (sets.some((set) => !('slug' in set))) return [];
  const seen = new Set<string>();
  const entries = [];
  for (const set of sets) {
    const params = { slug: set.slug };
    // Next drops a params set with an empty value.
    if (!params.slug) continue;
    const key = JSON.stringify(params);
    // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params });
  }
  return entries;
}

// Renders under the post, only when it has comments.
/* @zfb-next-todo: <Comments> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is rendered conditionally, so hoisting would run its fetch even when it is not rendered: await its data in the page (or paths() props) and pass it down */
async function Comments({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

/* @zfb-next-todo: Next rendered this page inside app/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
export default async function Post(
  { params, searchParams }: { params: { slug: string }; /* @zfb-next-todo: zfb builds each page once, without a query string, and passes no searchParams (it is undefined) */
  searchParams: Promise<{ page?: string }> }
) {
  const { slug } = params;
  const post = await getPost(slug);
  return (
    <article>
      <h1>{post.title}</h1>
      {post.open && <Comments slug={slug} />}
    </article>
  );
}
