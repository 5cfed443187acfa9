import type { GetStaticPaths, GetStaticProps, InferGetStaticPropsType } from 'next';
import { posts } from '../../data/posts';

export const getStaticPaths: GetStaticPaths = async () => {
  return {
    paths: posts.map((post) => ({ params: { slug: post.slug } })),
    fallback: false,
  };
};

export const getStaticProps = (async ({ params }) => {
  const post = posts.find((p) => p.slug === params?.slug)!;
  return { props: { title: post.title } };
}) satisfies GetStaticProps;

export default function Post({ title }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{title}</h1>;
}
