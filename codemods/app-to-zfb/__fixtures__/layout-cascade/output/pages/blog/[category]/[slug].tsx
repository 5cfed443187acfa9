import { postsIn } from '../../../lib/data';
import { generateStaticParams as categoryLayoutParams } from '../../../app/blog/[category]/layout';

// One call per category: the layout's params arrive here.
function generateStaticParams({ params }: { params: { category: string } }) {
  return postsIn(params.category).map((slug) => ({ slug }));
}

/**
 * The URLs zfb builds, from the generateStaticParams cascade Next runs: each function is called
 * once per params set of the one above it (child keys win; a child returning [] keeps the parent's set).
 */
export async function paths() {
  const cascade: Array<(input: { params: any }) => any> = [categoryLayoutParams, generateStaticParams];
  let sets: Record<string, any>[] = [];
  for (const generate of cascade) {
    if (sets.length === 0) {
      sets = await generate({ params: {} });
      continue;
    }
    const next = [];
    for (const parent of sets) {
      const found = await generate({ params: parent });
      if (found.length === 0) next.push(parent);
      else for (const item of found) next.push({ ...parent, ...item });
    }
    sets = next;
  }
  // Next builds none of the route's URLs when one params set lacks a key.
  if (sets.some((set) => !('category' in set && 'slug' in set))) return [];
  const seen = new Set<string>();
  const entries = [];
  for (const set of sets) {
    const params = { category: set.category, slug: set.slug };
    // Next drops a params set with an empty value.
    if (!params.category || !params.slug) continue;
    const key = JSON.stringify(params);
    // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params });
  }
  return entries;
}

/* @zfb-next-todo: Next rendered this page inside app/layout.tsx, app/blog/[category]/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
export default async function Post({ params }: { params: { category: string; slug: string } }) {
  const { category, slug } = params;
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
