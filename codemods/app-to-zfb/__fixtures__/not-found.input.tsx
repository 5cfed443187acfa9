import { notFound } from 'next/navigation';
import { getPost } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'live' }, { slug: 'draft' }];
}

export const dynamicParams = false;

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await getPost(slug);
  if (!post) notFound();
  return <h1>{post.title}</h1>;
}
