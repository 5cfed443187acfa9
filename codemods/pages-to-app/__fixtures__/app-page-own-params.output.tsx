import { notFound } from 'next/navigation';
import { getPost, getPosts } from '../../../lib/posts';

export async function generateStaticParams() {
  const posts = await getPosts();
  return posts.map((post) => ({ slug: post.slug }));
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { slug: string } }) {
  const { slug } = await params;
  const post = await getPost(slug);
  if (!post) return notFound();
  return { post };
}

export default async function PostPage({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await getPageProps({ params: await params });
  return <h1>{post.title}</h1>;
}
