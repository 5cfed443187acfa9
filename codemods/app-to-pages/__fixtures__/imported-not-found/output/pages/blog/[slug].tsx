import type { InferGetStaticPropsType } from 'next';
import { postOrNotFound, slugs } from '../../lib/posts';

async function generateStaticParams() {
  return (await slugs()).map((slug) => ({ slug }));
}

/* @zfb-next-todo: getStaticProps returns a redirect: next build fails when a path listed here redirects (`redirect` can not be returned from getStaticProps during prerendering); leave those params out and use fallback: 'blocking', so they redirect on request */
export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

// next/navigation's notFound() and redirect() throw; getStaticProps returns what they mean instead.
function navigationResult(error: unknown): { notFound: true } | { redirect: { destination: string; permanent: boolean } } {
  const digest = typeof (error as { digest?: unknown } | null)?.digest === 'string' ? (error as { digest: string }).digest.split(';') : [];
  if (digest[0] === 'NEXT_HTTP_ERROR_FALLBACK' && digest[1] === '404') return { notFound: true };
  const status = digest[digest.length - 2];
  if (digest[0] === 'NEXT_REDIRECT' && (digest[1] === 'push' || digest[1] === 'replace') && (status === '307' || status === '308')) {
    return { redirect: { destination: digest.slice(2, -2).join(';'), permanent: status === '308' } };
  }
  throw error;
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  try {
    const { slug } = await params;
    const post = await postOrNotFound(slug);
    return { props: { post } };
  } catch (error) {
    return navigationResult(error);
  }
}

export default function Page({ post }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{post.title}</h1>;
}
