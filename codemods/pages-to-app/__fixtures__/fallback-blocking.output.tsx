export const generateStaticParams = async () => {
  return [{ slug: 'hello' }, { slug: 'world' }];
};

const getPageProps = async ({ params }: { params: { slug: string } }) => {
  return { slug: params?.slug };
};

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await getPageProps({ params: await params });
  return <p>{slug}</p>;
}
