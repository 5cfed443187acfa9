/* @zfb-next-todo: next/head is ignored in the app router: use the metadata export or generateMetadata */
import Head from 'next/head';

type Props = { title: string };

export const generateStaticParams = async () => ([{ slug: 'x' }]);

export const dynamicParams = false;

const getPageProps = async ({ params }: { params: { slug: string } }) => ({ title: String(params?.slug) });

const Page = async ({ params }: { params: Promise<{ slug: string }> }) => {
  const { title } = await getPageProps({ params: await params });
  return (
    <>
      <Head>
        <title>{title}</title>
      </Head>
      <h1>{title}</h1>
    </>
  );
};

export default Page;
