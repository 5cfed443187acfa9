import { allPosts } from '../../../content';

export async function generateStaticParams() {
  return allPosts.map((post) => ({ slug: post.slug }));
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { slug: string } }) {
  return { post: allPosts.find((p) => p.slug === params.slug) };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await getPageProps({ params: await params });
  return <h1>{post.title}</h1>;
}
