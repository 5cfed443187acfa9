import { notFound } from 'next/navigation';

const langs = ['en', 'ja'];
const slugs = ['intro', 'setup'];

function paths() {
  return langs.flatMap((lang) => slugs.map((slug) => ({ params: { lang, slug }, props: { label: `${lang}:${slug}` } })));
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
  return entries.find((entry: any) => entry.params.lang === params.lang && entry.params.slug === params.slug);
}

export async function generateStaticParams() {
  const entries = await loadEntries();
  return entries.map((entry: any) => entry.params);
}

// zfb builds only the URLs paths() lists: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the entry's params with its props spread beside them. */
export default async function AppPage({ params }: { params: Promise<Record<string, any>> }) {
  const entry = await entryFor(await params);
  if (!entry) notFound();
  return <Page {...({ params: entry.params, ...entry.props } as any)} />;
}

function Page({ label }: { label: string }) {
  return <p>{label}</p>;
}
