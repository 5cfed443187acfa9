import type { GetStaticPaths, GetStaticProps } from 'next';

export const getStaticPaths: GetStaticPaths = async () => {
  return {
    paths: [{ params: { slug: 'hello' } }, { params: { slug: 'world' } }],
    fallback: 'blocking',
  };
};

export const getStaticProps: GetStaticProps = async ({ params }) => {
  return { props: { slug: params?.slug } };
};

export default function Page({ slug }: { slug: string }) {
  return <p>{slug}</p>;
}
