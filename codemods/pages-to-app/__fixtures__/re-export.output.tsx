/* @zfb-next-todo: getStaticProps comes from ../../lib/blog-data: its result is used as the props; handle notFound, redirect and revalidate by hand */
import { getStaticProps as getPageProps } from '../../../lib/blog-data';
import { getStaticPaths } from '../../../lib/blog-data';

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = (await getPageProps({ params: await params })).props;
  return <h1>{post.title}</h1>;
}

/* @zfb-next-todo: getStaticPaths comes from ../../lib/blog-data: its entries are assumed to be { params } objects, and its fallback is unknown here: set dynamicParams by hand */
export async function generateStaticParams() {
  const result = await getStaticPaths({ locales: [], defaultLocale: undefined });
  return result.paths.map((entry) => entry.params);
}
