export const getStaticPaths = async () => ({
  paths: ['a', 'b'].map((slug) => ({ params: { slug } })),
  fallback: false,
});

// Comments in a parameter list stay where they were written.
export const getStaticProps = async (/* Next's context */ { params }) => ({ props: { slug: params.slug } });

const Page = (/* from getStaticProps */ { slug }) => <h1>{slug}</h1>;

export default Page;
