export const generateStaticParams = async () => ([{ slug: 'one' }]);

export const dynamicParams = false;
export const revalidate = 30;

const getPageProps = async ({ params }) => ({ slug: params.slug });

const Page = async ({ params }) => {
  const { slug } = await getPageProps({ params: await params });
  return <h1>{slug}</h1>;
};

export default Page;
