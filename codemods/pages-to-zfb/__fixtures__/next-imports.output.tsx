/* @zfb-next-todo: zfb has no next/head: render <title> and <meta> inside the <head> of the page or its layout */
import Head from 'next/head';
/* @zfb-next-todo: zfb has no next/image: use <img> with the image in public/ */
import Image from 'next/image';

async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
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
    const params = { slug: path.params.slug };
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

export default function Post({ slug }) {
  return (
    <>
      <Head>
        <title>{slug}</title>
      </Head>
      <Image src="/cover.png" alt="" width={100} height={50} />
      <a href="/blog" className="back">
        Back
      </a>
    </>
  );
}
