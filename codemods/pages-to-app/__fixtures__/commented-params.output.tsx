export const generateStaticParams = async () => (['a', 'b'].map((slug) => ({ slug })));

export const dynamicParams = false;

// Comments in a parameter list stay where they were written.
const getPageProps = async (/* Next's context */ { params }: { params: { slug: string } }) => ({ slug: params.slug });

const Page = async (/* from getStaticProps */ { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await getPageProps({ params: await params });
  return <h1>{slug}</h1>;
};

export default Page;
