import { useRouter } from 'next/router';

export async function getStaticPaths() {
  return {
    paths: [{ params: { slug: 'first' } }],
    fallback: true,
  };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  const router = useRouter();
  if (router.isFallback) return <p>Loading…</p>;
  return <p>{slug}</p>;
}
