import { getPost } from '../../lib/posts';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  const post = await getPost(params.slug);
  return { notFound: !post, props: { post } };
}

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
