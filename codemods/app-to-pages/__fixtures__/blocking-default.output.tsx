import type { InferGetStaticPropsType } from 'next';

async function generateStaticParams() {
  return [{ slug: 'a' }, { slug: 'b' }];
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
