import type { InferGetStaticPropsType } from 'next';
import { getPost } from '../../lib/posts';

const revalidate = 60;

async function generateStaticParams() {
  return [{ slug: 'hello' }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  const post = await getPost((await params).slug);
  return { props: { post }, revalidate };
}

export default function Page({ post }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <article>{post.body}</article>;
}
