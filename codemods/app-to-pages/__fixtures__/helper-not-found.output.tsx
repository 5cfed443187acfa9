import type { InferGetStaticPropsType } from 'next';
import { notFound } from 'next/navigation';
import { posts } from '../../lib/catalog';

function generateStaticParams() {
  return posts.map((post) => ({ slug: post.slug }));
}

const getPageProps = async ({ params }: { params: { slug: string } }) => {
  const post = posts.find((p) => p.slug === params.slug);
  if (!post || post.draft) return notFound();
  return { title: post.title };
};

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
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
    const { title } = await getPageProps({ params: await params });
    return { props: { title } };
  } catch (error) {
    return navigationResult(error);
  }
}

export default function Post({ title }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{title}</h1>;
}
