import { redirect, permanentRedirect } from 'next/navigation';
import { getPost } from '../../../lib/posts';

export async function generateStaticParams() {
  return [];
}

export const revalidate = 10;

async function getPageProps({ params }: { params: { slug: string } }) {
  const post = await getPost(params.slug);
  if (post?.movedTo) {
    return permanentRedirect(`/blog/${post.movedTo}`);
  }
  if (!post) {
    return redirect('/blog');
  }
  return { post };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await getPageProps({ params: await params });
  return <h1>{post.title}</h1>;
}
