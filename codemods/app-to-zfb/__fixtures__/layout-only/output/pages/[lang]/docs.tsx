import { generateStaticParams as langLayoutParams } from '../../app/[lang]/layout';

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
export async function paths() {
  const sets: Record<string, any>[] = await langLayoutParams({ params: {} });
  // Next builds none of the route's URLs when one params set lacks a key.
  if (sets.some((set) => !('lang' in set))) return [];
  const seen = new Set<string>();
  const entries = [];
  for (const set of sets) {
    const params = { lang: set.lang };
    // Next drops a params set with an empty value.
    if (!params.lang) continue;
    const key = JSON.stringify(params);
    // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params });
  }
  return entries;
}

/* @zfb-next-todo: Next rendered this page inside app/[lang]/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
export default async function Docs({ params }: { params: { lang: string } }) {
  const { lang } = params;
  return <p lang={lang}>docs</p>;
}
