import type { InferGetStaticPropsType } from 'next';

function generateStaticParams() {
  return [{ slug: 'a' }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  const { slug } = await params;
  return { props: { slug } };
}

export default function Page({ slug }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <p>{slug}</p>;
}
