import type { GetStaticPaths, GetStaticProps, InferGetStaticPropsType } from 'next';
import { getPosts, getPost } from '../../lib/posts';

// Every post is known at build time.
export const getStaticPaths: GetStaticPaths = async () => {
  const posts = await getPosts();
  return {
    paths: posts.map((p) => ({ params: { slug: p.slug } })),
    fallback: false,
  };
};

export const getStaticProps: GetStaticProps<{ post: Post }, { slug: string }> = async ({ params }) => {
  const post = await getPost(params!.slug);
  if (!post) return { notFound: true };
  return { props: { post }, revalidate: 60 };
};

export default function PostPage({ post }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{post.title}</h1>;
}
