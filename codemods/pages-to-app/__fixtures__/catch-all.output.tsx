export const generateStaticParams = async () => ([
  { slug: ['guide', 'install'] },
  { slug: ['api', 'reference'] },
]);

export const dynamicParams = false;

const getPageProps = async ({ params }: { params: { slug: string[] } }) => ({ path: (params?.slug as string[]).join('/') });

export default async function Doc({ params }: { params: Promise<{ slug: string[] }> }) {
  const { path } = await getPageProps({ params: await params });
  return <p>{path}</p>;
}
