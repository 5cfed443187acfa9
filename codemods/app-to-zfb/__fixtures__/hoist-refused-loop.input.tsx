import { getComments, getPost } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

async function Comments({ ids }: { ids: string[] }) {
  const comments = [];
  for (const id of ids) comments.push(await getComments(id));
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await getPost(slug);
  return (
    <article>
      <Comments ids={post.commentIds} />
    </article>
  );
}
