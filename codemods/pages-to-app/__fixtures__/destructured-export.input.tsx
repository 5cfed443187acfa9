import { makePage } from '../../lib/make';
export const { getStaticPaths, getStaticProps } = makePage('blog');
export default function Post({ slug }) {
  return <h1>{slug}</h1>;
}
