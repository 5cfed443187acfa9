function paths() {
  return [{ params: { slug: [] } }, { params: { slug: ['intro'] } }];
}

let zfbEntries: Promise<Awaited<ReturnType<typeof paths>>> | undefined;

/** zfb's paths() list, computed once per build process. */
function loadEntries() {
  zfbEntries ??= Promise.resolve(paths());
  return zfbEntries;
}

/** zfb takes a catch-all as 'a/b' or ['a', 'b']; Next wants the array. */
function nextParams(params: Record<string, any>) {
  const split = (value: any) => (typeof value === 'string' ? value.split('/').filter(Boolean) : value);
  return { ...params, slug: split(params.slug) };
}

/** The paths() entry a URL was built from, found by its params. */
async function entryFor(params: Record<string, any>): Promise<any> {
  const entries = await loadEntries();
  return entries.find((entry: any) => String(nextParams(entry.params).slug ?? []) === String(params.slug ?? []));
}

/** zfb builds only the URLs paths() lists, so every other URL is a 404 here too. */
export async function getStaticPaths() {
  const entries = await loadEntries();
  return { paths: entries.map((entry: any) => ({ params: nextParams(entry.params) })), fallback: false };
}

/** The component gets what zfb gives it: the entry's params with its props spread beside them. */
export async function getStaticProps({ params }: { params?: Record<string, any> }) {
  const entry = await entryFor(params ?? {});
  if (!entry) return { notFound: true };
  return { props: { params: entry.params, ...entry.props } };
}

export default function Doc({ params }: { params: { slug: string[] } }) {
  return <p>{params.slug.length}</p>;
}
