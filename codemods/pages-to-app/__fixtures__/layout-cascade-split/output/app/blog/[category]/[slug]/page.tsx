import { postsIn } from '../../../../lib/posts';

export async function generateStaticParams({ params }: { params: { category: string } }) {
  const posts = await postsIn(params.category);
  return posts.map((post) => ({ slug: post.slug }));
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { category: string; slug: string } }) {
  const { category, slug } = await params;
  return { category, slug };
}

export default async function Post({ params }: { params: Promise<{ category: string; slug: string }> }) {
  const { category, slug } = await getPageProps({ params: await params });
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
