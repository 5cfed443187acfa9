import type { InferGetStaticPropsType } from 'next';

async function generateStaticParams() {
  return [{ slug: [] }, { slug: ['a', 'b'] }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { slug?: string[] } }) {
  const { slug = [] } = await params;
  return { props: { slug } };
}

export default function Docs({ slug }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <p>{slug.join(' / ')}</p>;
}
