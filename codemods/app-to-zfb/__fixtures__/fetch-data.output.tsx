/* @zfb-next-todo: 'node:fs/promises' is a Node module; zfb runs paths() and pages in V8 without Node: load this data before the build */
import { readFile } from 'node:fs/promises';

async function generateStaticParams() {
  const index = JSON.parse(await readFile('content/index.json', 'utf8'));
  return index.map((slug: string) => ({ slug }));
}

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
export async function paths() {
  const sets: Record<string, any>[] = await generateStaticParams();
  // Next builds none of the route's URLs when one params set lacks a key.
  if (sets.some((set) => !('slug' in set))) return [];
  const seen = new Set<string>();
  const entries = [];
  for (const set of sets) {
    const params = { slug: set.slug };
    // Next drops a params set with an empty value.
    if (!params.slug) continue;
    const key = JSON.stringify(params);
    // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params });
  }
  return entries;
}

export default async function Page({ params }: { params: { slug: string } }) {
  const { slug } = params;
  /* @zfb-next-todo: fetch() throws in zfb (no network during the build): load this data before the build */
  const post = await fetch(`https://cms.example.com/${slug}`).then((r) => r.json());
  return <h1>{post.title}</h1>;
}
