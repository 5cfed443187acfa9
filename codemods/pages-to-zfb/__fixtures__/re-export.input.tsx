export { getStaticPaths, getStaticProps } from '../../lib/blog-data';

export default function Post({ title }) {
  return <h1>{title}</h1>;
}
