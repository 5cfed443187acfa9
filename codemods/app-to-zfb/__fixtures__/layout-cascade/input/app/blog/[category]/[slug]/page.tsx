import { postsIn } from '../../../../lib/data';

// One call per category: the layout's params arrive here.
export function generateStaticParams({ params }: { params: { category: string } }) {
  return postsIn(params.category).map((slug) => ({ slug }));
}

export const dynamicParams = false;

export default async function Post({ params }: { params: Promise<{ category: string; slug: string }> }) {
  const { category, slug } = await params;
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
