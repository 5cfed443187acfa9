import { makePage } from '../../lib/make';
/* @zfb-next-todo: getStaticPaths is exported through a destructuring pattern, which this transform cannot carry over; the file is left as it was: export it as `export const getStaticPaths = …` and run the codemod again */
/* @zfb-next-todo: getStaticProps is exported through a destructuring pattern, which this transform cannot carry over; the file is left as it was: export it as `export const getStaticProps = …` and run the codemod again */
export const { getStaticPaths, getStaticProps } = makePage('blog');
export default function Post({ slug }) {
  return <h1>{slug}</h1>;
}
