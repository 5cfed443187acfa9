import { posts } from '../../data/posts';

export async function getStaticPaths() {
  return { paths: posts.map((p) => ({ params: { slug: p.slug } })), fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { post: posts.find((p) => p.slug === params.slug) } };
}

export default function Post({ post }) {
  return <h1>{post.title}</h1>;
}
