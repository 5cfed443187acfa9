import { notFound } from 'next/navigation';
import { getPost } from '../../../lib/posts';

export async function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { slug: string } }) {
  const post = await getPost(params.slug);
  return !post ? notFound() : { post };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await getPageProps({ params: await params });
  return <h1>{post.title}</h1>;
}
