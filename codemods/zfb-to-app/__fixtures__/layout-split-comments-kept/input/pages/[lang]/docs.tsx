/**
 * Documentation landing page, one per language.
 *
 * The languages come from the [lang] layout, which lists the ones the site is translated into;
 * a language added there gets its docs page on the next build.
 *
 * Each page renders the same outline; the text itself lives in content/<lang>/docs.md and is
 * read by the component, so adding a language needs no change here.
 */
import { generateStaticParams as langLayoutParams } from '../../app/[lang]/layout';

// Checked against the old site: every language it had is still listed.
/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
/* @zfb-next-todo: dynamicParams is true (the default): Next rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404 */
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
