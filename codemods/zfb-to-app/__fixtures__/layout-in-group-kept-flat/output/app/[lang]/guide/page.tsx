import { notFound } from 'next/navigation';
import { generateStaticParams as docsLayoutParams } from '../(docs)/layout';

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
async function paths() {
  const sets: Record<string, any>[] = await docsLayoutParams({ params: {} });
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

let zfbEntries: Promise<Awaited<ReturnType<typeof paths>>> | undefined;

/** zfb's paths() list, computed once per build process. */
function loadEntries() {
  zfbEntries ??= Promise.resolve(paths());
  return zfbEntries;
}

/** The paths() entry a URL was built from, found by its params. */
async function entryFor(params: Record<string, any>): Promise<any> {
  const entries = await loadEntries();
  return entries.find((entry: any) => entry.params.lang === params.lang);
}

/* @zfb-next-todo: this generateStaticParams still runs the layouts' cascade itself because app/[lang]/(docs)/layout.tsx is not a layout above app/[lang]/guide/page.tsx, so Next would not run it for this page; Next already runs the generateStaticParams of the layouts above a page, so once those layouts export theirs, remove it: the layouts give every key */
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
  return <Guide {...({ params: entry.params, ...entry.props } as any)} />;
}

/* @zfb-next-todo: Next rendered this page inside app/[lang]/(docs)/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
async function Guide({ params }: { params: { lang: string } }) {
  const { lang } = params;
  return <h1>{lang}</h1>;
}
