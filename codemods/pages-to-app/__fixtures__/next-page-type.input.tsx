import type { GetStaticPaths, GetStaticProps, NextPage } from 'next';
import Head from 'next/head';

type Props = { title: string };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [{ params: { slug: 'x' } }], fallback: false });

export const getStaticProps: GetStaticProps<Props> = async ({ params }) => ({ props: { title: String(params?.slug) } });

const Page: NextPage<Props> = ({ title }) => (
  <>
    <Head>
      <title>{title}</title>
    </Head>
    <h1>{title}</h1>
  </>
);

export default Page;
