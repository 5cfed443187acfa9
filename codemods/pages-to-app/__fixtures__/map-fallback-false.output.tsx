import { notFound } from 'next/navigation';
import { getPosts, getPost } from '../../../lib/posts';

// Every post is known at build time.
export const generateStaticParams = async () => {
  const posts = await getPosts();
  return posts.map((p) => ({ slug: p.slug }));
};

export const dynamicParams = false;
export const revalidate = 60;

const getPageProps = async ({ params }: { params: { slug: string } }) => {
  const post = await getPost(params!.slug);
  if (!post) return notFound();
  return { post };
};

export default async function PostPage({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await getPageProps({ params: await params });
  return <h1>{post.title}</h1>;
}
