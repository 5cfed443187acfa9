import { site } from '../../lib/site';

function generateStaticParams() {
  return site.docs.map((slug) => ({ slug }));
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

/** One doc page: its slug under the site's name. */
/* @zfb-next-todo: Next rendered this page inside app/layout.tsx, app/docs/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
export default async function Doc({ params }: { params: { slug: string } }) {
  const { slug } = params;
  return (
    <h1>
      {site.name}: {slug}
    </h1>
  );
}
