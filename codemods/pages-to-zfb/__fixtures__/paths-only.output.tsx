function getStaticPaths() {
  return { paths: [{ params: { slug: 'one' } }, { params: { slug: 'two', extra: 'ignored by Next' } }], fallback: false };
}

/**
 * The URLs zfb builds: the entries of getStaticPaths.
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
export async function paths() {
  const { paths: listed } = await getStaticPaths({ locales: [], defaultLocale: undefined });
  const seen = new Set<string>();
  const entries = [];
  for (const path of listed) {
    const params = { slug: path.params.slug };
    const key = JSON.stringify(params);
    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params });
  }
  return entries;
}

export default function Post({ params }) {
  return <p>{params?.slug}</p>;
}
