import type { InferGetStaticPropsType } from 'next';

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

// A page written on one line keeps its braces and the code that renders.
export default function Page({ slug }: InferGetStaticPropsType<typeof getStaticProps>) { return <p>{slug}</p>; }
