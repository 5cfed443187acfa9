import { Loader } from '../../../lib/loader';
const getStaticPaths = Loader.getStaticPaths;
/* @zfb-next-todo: getStaticProps is the value of Loader.getStaticProps: its result is used as the props; handle notFound, redirect and revalidate by hand */
const getStaticProps = Loader.getStaticProps;
export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = (await getStaticProps({ params: await params })).props;
  return <h1>{slug}</h1>;
}

/* @zfb-next-todo: getStaticPaths is the value of Loader.getStaticPaths: its entries are assumed to be { params } objects, and its fallback is unknown here: set dynamicParams by hand */
export async function generateStaticParams() {
  const result = await getStaticPaths({ locales: [], defaultLocale: undefined });
  return result.paths.map((entry) => entry.params);
}
