export { paths } from '../../lib/blog-paths';

export default function Post({ params }: { params: { slug: string } }) {
  return <p>{params.slug}</p>;
}
