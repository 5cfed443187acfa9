import { notFound, redirect } from 'next/navigation';
import { getPost } from '../../../lib/posts';

export async function generateStaticParams() {
  return [{ slug: 'a' }];
}

export default async function Page({ params }) {
  const { slug } = await params;
  if (slug === 'old') redirect('/blog/a');
  const post = (await getPost(slug)) ?? notFound();
  return <h1>{post.title}</h1>;
}
