import type { InferGetStaticPropsType } from 'next';
import { postsIn } from '../../../lib/posts';
import { generateStaticParams as generateCategoryParams } from '../../../app/blog/[category]/layout';

async function generateStaticParams({ params }: { params: { category: string } }) {
  const posts = await postsIn(params.category);
  return posts.map((post) => ({ slug: post.slug }));
}

// The app router runs these top down, each once per parent params object (generateRouteStaticParams).
async function generateAllParams() {
  const generators: Array<(context: { params: never }) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>> = [generateCategoryParams, generateStaticParams];
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

export async function getStaticPaths() {
  return {
    paths: (await generateAllParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { category: string; slug: string } }) {
  const { category, slug } = await params;
  return { props: { category, slug } };
}

export default function Post({ category, slug }: InferGetStaticPropsType<typeof getStaticProps>) {
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
