import { allPosts } from '../../content';

export async function getStaticPaths() {
  return {
    paths: allPosts.map((post) => `/blog/${post.slug}`),
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { post: allPosts.find((p) => p.slug === params.slug) } };
}

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
