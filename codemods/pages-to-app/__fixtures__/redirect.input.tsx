import { getPost } from '../../lib/posts';

export async function getStaticPaths() {
  return { paths: [], fallback: 'blocking' };
}

export async function getStaticProps({ params }) {
  const post = await getPost(params.slug);
  if (post?.movedTo) {
    return { redirect: { destination: `/blog/${post.movedTo}`, permanent: true } };
  }
  if (!post) {
    return { redirect: { destination: '/blog', permanent: false } };
  }
  return { props: { post }, revalidate: 10 };
}

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
