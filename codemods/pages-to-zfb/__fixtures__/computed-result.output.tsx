import { loadPaths } from '../../lib/paths';

/* @zfb-next-todo: fallback is computed at run time; zfb builds only the URLs paths() lists: if it is not false, unlisted URLs now get a 404 */
async function getStaticPaths() {
  const result = await loadPaths();
  return result;
}

async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

/**
 * The URLs zfb builds: the entries of getStaticPaths, each with the props getStaticProps gives it.
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
export async function paths() {
  const { paths: listed } = await getStaticPaths({ locales: [], defaultLocale: undefined });
  const seen = new Set<string>();
  const entries = [];
  for (const path of listed) {
    const params = typeof path === 'string' ? paramsFromPath(path) : { slug: path.params.slug };
    const key = JSON.stringify(params);
    // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await getStaticProps({ params });
    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
    if (!('props' in result)) continue;
    entries.push({ params, props: await result.props });
  }
  return entries;
}

/** A getStaticPaths string path into this page's params, read the way Next.js reads it. */
function paramsFromPath(path: string) {
  const pathname = path;
  const match = /^\/blog\/([^/]+?)(?:\/)?$/.exec(pathname);
  if (!match) throw new Error(`The provided path \`${path}\` does not match the page: \`/blog/[slug]\`.`);
  return { slug: decodeURIComponent(match[1]!) };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
