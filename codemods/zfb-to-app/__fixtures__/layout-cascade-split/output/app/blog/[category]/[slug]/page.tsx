import { postsIn } from '../../../../lib/data';

// One call per category: the layout's params arrive here.
export function generateStaticParams({ params }: { params: { category: string } }) {
  return postsIn(params.category).map((slug) => ({ slug }));
}

// zfb built only the URLs paths() listed: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the params, as a plain object. */
export default async function Page({ params }: { params: Promise<Record<string, any>> }) {
  return <Post {...({ params: await params } as any)} />;
}

async function Post({ params }: { params: { category: string; slug: string } }) {
  const { category, slug } = params;
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
