import type { InferGetStaticPropsType } from 'next';

/* @zfb-next-todo: metadata has no pages-router equivalent: render the tags with next/head */
export const metadata = { title: 'Blog' };

function generateStaticParams() {
  return [{ slug: 'a' }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  const { slug } = await params;
  return { props: { slug } };
}

export default function Page({ slug }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <p>{slug}</p>;
}
