import { listSlugs, loadPost } from '../../../lib/data';

async function loadPaths() {
  const slugs = await listSlugs();
  return slugs.map((slug) => ({ slug }));
}

export const dynamicParams = false;

async function loadProps({ params }: { params: { slug: string } }) {
  return { post: await loadPost(params.slug) };
}

export { loadPaths as generateStaticParams };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await loadProps({ params: await params });
  return <h1>{post.title}</h1>;
}
