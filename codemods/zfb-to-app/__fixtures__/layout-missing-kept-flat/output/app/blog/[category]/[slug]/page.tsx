import { notFound } from 'next/navigation';
import { postsIn } from '../../../../lib/data';

import { generateStaticParams as categoryLayoutParams } from '../layout';

// One call per category: the layout's params arrive here.
function zfbSourceGenerateStaticParams({ params }: { params: { category: string } }) {
  return postsIn(params.category).map((slug) => ({ slug }));
}

/**
 * The URLs zfb builds, from the generateStaticParams cascade Next runs: each function is called
 * once per params set of the one above it (child keys win; a child returning [] keeps the parent's set).
 */
async function paths() {
  const cascade: Array<(input: { params: any }) => any> = [categoryLayoutParams, zfbSourceGenerateStaticParams];
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

let zfbEntries: Promise<Awaited<ReturnType<typeof paths>>> | undefined;

/** zfb's paths() list, computed once per build process. */
function loadEntries() {
  zfbEntries ??= Promise.resolve(paths());
  return zfbEntries;
}

/** The paths() entry a URL was built from, found by its params. */
async function entryFor(params: Record<string, any>): Promise<any> {
  const entries = await loadEntries();
  return entries.find((entry: any) => entry.params.category === params.category && entry.params.slug === params.slug);
}

/* @zfb-next-todo: this generateStaticParams still runs the layouts' cascade itself because app/blog/[category]/layout (imported as categoryLayoutParams) does not exist; Next already runs the generateStaticParams of the layouts above a page, so once those layouts export theirs, keep only the page's own function here */
export async function generateStaticParams() {
  const entries = await loadEntries();
  return entries.map((entry: any) => entry.params);
}

// zfb builds only the URLs paths() lists: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the entry's params with its props spread beside them. */
export default async function Page({ params }: { params: Promise<Record<string, any>> }) {
  const entry = await entryFor(await params);
  if (!entry) notFound();
  return <Post {...({ params: entry.params, ...entry.props } as any)} />;
}

/* @zfb-next-todo: Next rendered this page inside app/layout.tsx, app/blog/[category]/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
async function Post({ params }: { params: { category: string; slug: string } }) {
  const { category, slug } = params;
  return (
    <h1>
      {category}/{slug}
    </h1>
  );
}
