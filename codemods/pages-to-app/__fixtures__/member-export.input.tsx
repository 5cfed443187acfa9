import { Loader } from '../../lib/loader';
export const getStaticPaths = Loader.getStaticPaths;
export const getStaticProps = Loader.getStaticProps;
export default function Post({ slug }) {
  return <h1>{slug}</h1>;
}
