import { getPost } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (slug === 'hidden') return <p>Hidden</p>;
  const post = await getPost(slug);
  return <h1>{post.title}</h1>;
}
