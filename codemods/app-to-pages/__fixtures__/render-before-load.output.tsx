import { getPost } from '../../lib/posts';

function generateStaticParams() {
  return [{ slug: 'a' }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

/* @zfb-next-todo: the page returns before it finishes loading its data: split it into getStaticProps by hand */
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (slug === 'hidden') return <p>Hidden</p>;
  const post = await getPost(slug);
  return <h1>{post.title}</h1>;
}
