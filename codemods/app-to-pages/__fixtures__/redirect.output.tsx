import type { InferGetStaticPropsType } from 'next';
import { getPost } from '../../lib/posts';

async function generateStaticParams() {
  return [{ slug: 'old' }, { slug: 'new' }];
}

/* @zfb-next-todo: getStaticProps returns a redirect: next build fails when a path listed here redirects (`redirect` can not be returned from getStaticProps during prerendering); leave those params out and use fallback: 'blocking', so they redirect on request */
export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  const { slug } = await params;
  const post = await getPost(slug);
  if (post.movedTo) {
    return { redirect: { destination: `/blog/${post.movedTo}`, permanent: true } };
  }
  if (post.draft) return { redirect: { destination: '/blog', permanent: false } };
  return { props: { post } };
}

export default function Page({ post }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{post.title}</h1>;
}
