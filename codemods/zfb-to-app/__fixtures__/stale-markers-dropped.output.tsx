import type { Metadata } from 'next';
import { getComments, getPost } from '../../../lib/posts';

/* @zfb-next-todo: revalidate: zfb is static only; this page changes only when the site is rebuilt */
export const revalidate = 60;

export async function generateMetadata({ params }: { params: { slug: string } }): Promise<Metadata> {
  const { slug } = params;
  return { title: slug };
}

export function generateStaticParams() {
  return [{ slug: 'a' }, { slug: 'b' }];
}

// zfb built only the URLs paths() listed: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the params, as a plain object. */
export default async function Page({ params }: { params: Promise<Record<string, any>> }) {
  return <Post {...({ params: await params } as any)} />;
}

// Renders under the post, only when it has comments.
async function Comments({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

/* @zfb-next-todo: Next rendered this page inside app/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
async function Post(
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
