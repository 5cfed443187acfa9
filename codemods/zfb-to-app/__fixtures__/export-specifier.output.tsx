import { notFound } from 'next/navigation';

function listEntries() {
  return [{ params: { slug: 'one' }, props: { n: 1 } }];
}

let zfbEntries: Promise<Awaited<ReturnType<typeof listEntries>>> | undefined;

/** zfb's paths() list, computed once per build process. */
function loadEntries() {
  zfbEntries ??= Promise.resolve(listEntries());
  return zfbEntries;
}

/** The paths() entry a URL was built from, found by its params. */
async function entryFor(params: Record<string, any>): Promise<any> {
  const entries = await loadEntries();
  return entries.find((entry: any) => entry.params.slug === params.slug);
}

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

function Post({ n }: { n: number }) {
  return <p>{n}</p>;
}
