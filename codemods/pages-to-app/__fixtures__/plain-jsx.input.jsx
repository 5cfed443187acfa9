export const getStaticPaths = async () => ({
  paths: [{ params: { slug: 'one' } }],
  fallback: false,
});

export const getStaticProps = async ({ params }) => ({
  props: { slug: params.slug },
  revalidate: 30,
});

const Page = ({ slug }) => <h1>{slug}</h1>;

export default Page;
