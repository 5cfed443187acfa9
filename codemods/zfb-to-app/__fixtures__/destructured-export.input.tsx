import { make } from '../../lib/loader';
export const { paths } = make();
export default function Post({ params }) {
  return <h1>{params.slug}</h1>;
}
