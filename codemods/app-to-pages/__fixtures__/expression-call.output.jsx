import { notFound } from 'next/navigation';
import { getPost } from '../../lib/posts';

async function generateStaticParams() {
  return [{ slug: 'a' }];
}

/* @zfb-next-todo: getStaticProps returns a redirect: next build fails when a path listed here redirects (`redirect` can not be returned from getStaticProps during prerendering); leave those params out and use fallback: 'blocking', so they redirect on request */
export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

// next/navigation's notFound() and redirect() throw; getStaticProps returns what they mean instead.
function navigationResult(error) {
  const digest = typeof error?.digest === 'string' ? error.digest.split(';') : [];
  if (digest[0] === 'NEXT_HTTP_ERROR_FALLBACK' && digest[1] === '404') return { notFound: true };
  const status = digest[digest.length - 2];
  if (digest[0] === 'NEXT_REDIRECT' && (digest[1] === 'push' || digest[1] === 'replace') && (status === '307' || status === '308')) {
    return { redirect: { destination: digest.slice(2, -2).join(';'), permanent: status === '308' } };
  }
  throw error;
}

export async function getStaticProps({ params }) {
  try {
    const { slug } = await params;
    if (slug === 'old') return { redirect: { destination: '/blog/a', permanent: false } };
    const post = (await getPost(slug)) ?? notFound();
    return { props: { post } };
  } catch (error) {
    return navigationResult(error);
  }
}

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
