import { make } from '../../lib/loader';
/* @zfb-next-todo: paths is exported through a destructuring pattern, which this transform cannot carry over; the file is left as it was: export it as `export const paths = …` and run the codemod again */
export const { paths } = make();
export default function Post({ params }) {
  return <h1>{params.slug}</h1>;
}
