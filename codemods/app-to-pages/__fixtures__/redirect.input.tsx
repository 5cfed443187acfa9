import { permanentRedirect, redirect } from 'next/navigation';
import { getPost } from '../../../lib/posts';

export const dynamicParams = false;

export async function generateStaticParams() {
  return [{ slug: 'old' }, { slug: 'new' }];
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await getPost(slug);
  if (post.movedTo) {
    permanentRedirect(`/blog/${post.movedTo}`);
  }
  if (post.draft) redirect('/blog');
  return <h1>{post.title}</h1>;
}
