import { getPost } from '../../lib/posts';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'live' } }, { params: { slug: 'draft' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  const post = await getPost(params.slug);
  if (!post || post.draft) {
    return { notFound: true };
  }
  return { props: { post } };
}

export default function Post({ post }) {
  return <h1>{post.title}</h1>;
}
