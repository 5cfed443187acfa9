export { getStaticPaths, getStaticProps } from '../../lib/blog-data';

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
