import type { InferGetStaticPropsType } from 'next';

const generateStaticParams = async () => [{ slug: 'x' }, { slug: 'y' }];

const Page = ({ slug }: InferGetStaticPropsType<typeof getStaticProps>) => {
  return <p>{slug}</p>;
};

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

export default Page;
