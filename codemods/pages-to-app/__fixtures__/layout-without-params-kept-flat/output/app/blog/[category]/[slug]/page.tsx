import { postsIn } from '../../../../lib/posts';

import { generateStaticParams as generateCategoryParams } from '../layout';

async function pageGenerateStaticParams({ params }: { params: { category: string } }) {
  const posts = await postsIn(params.category);
  return posts.map((post) => ({ slug: post.slug }));
}

// The app router runs these top down, each once per parent params object (generateRouteStaticParams).
async function generateAllParams() {
  const generators: Array<(context: { params: never }) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>> = [generateCategoryParams, pageGenerateStaticParams];
  let all: Record<string, unknown>[] = [];
  for (const generate of generators) {
    if (all.length === 0) {
      all = [...(await generate({ params: {} as never }))];
      continue;
    }
    const next: Record<string, unknown>[] = [];
    for (const parent of all) {
      const children = await generate({ params: parent as never });
      if (children.length === 0) next.push(parent);
      for (const child of children) next.push({ ...parent, ...child });
    }
    all = next;
  }
  return all;
}

/* @zfb-next-todo: this generateStaticParams still runs the layouts' cascade itself because app/blog/[category]/layout.tsx does not export generateStaticParams; Next already runs the generateStaticParams of the layouts above a page, so once those layouts export theirs, keep only the page's own function here */
export async function generateStaticParams() {
  return (await generateAllParams()).map((params) => (params));
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { category: string; slug: string } }) {
  const { category, slug } = await params;
  return { category, slug };
}

export default async function Post({ params }: { params: Promise<{ category: string; slug: string }> }) {
  const { category, slug } = await getPageProps({ params: await params });
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
