import type { InferGetStaticPropsType } from 'next';
import { getPost, getPosts } from '../../lib/posts';

async function generateStaticParams() {
  const posts = await getPosts();
  return posts.map((post) => ({ slug: post.slug }));
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  const { slug } = await params;
  const post = await getPost(slug);
  if (!post) return { notFound: true };
  return { props: { post } };
}

export default function PostPage({ post }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{post.title}</h1>;
}
