import { getComments, getPost } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

async function Comments({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

function Sidebar({ children }) {
  return <aside>{children}</aside>;
}

// Exported: another module may render it as it is.
export async function Byline({ slug }: { slug: string }) {
  const post = await getPost(slug);
  return <p>{post.author}</p>;
}

async function Counter({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <span>{comments.length}</span>;
}

async function Title({ slug }: { slug: string }) {
  const post = await getPost(slug);
  return <h2>{post.title}</h2>;
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await getPost(slug);
  return (
    <article>
      <Sidebar><Comments slug={slug} /></Sidebar>
      <Byline slug={slug} />
      <Counter slug={slug} /> <Counter slug={slug} />
      <Title slug={slug.toLowerCase()} />
    </article>
  );
}
