import { getComments } from '../lib/posts';

export default async function Comments({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

export function CommentCount({ count }: { count: number }) {
  return <span>{count}</span>;
}
