import { notFound } from 'next/navigation';
import { posts } from '../../../lib/catalog';

export const dynamicParams = false;

export function generateStaticParams() {
  return posts.map((post) => ({ slug: post.slug }));
}

const getPageProps = async ({ params }: { params: { slug: string } }) => {
  const post = posts.find((p) => p.slug === params.slug);
  if (!post || post.draft) return notFound();
  return { title: post.title };
};

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { title } = await getPageProps({ params: await params });
  return <h1>{title}</h1>;
}
