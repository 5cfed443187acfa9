import { useRouter } from 'next/router';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'first' } }], fallback: true };
}

export async function getStaticProps({ params }) {
  const res = await fetch(`https://api.example.com/posts/${params.slug}`);
  const post = await res.json();
  return { props: { post } };
}

export default function Post({ post }) {
  const router = useRouter();
  if (router.isFallback) return <p>Loading…</p>;
  return <article>{post.body}</article>;
}
