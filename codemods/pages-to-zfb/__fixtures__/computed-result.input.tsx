import { loadPaths } from '../../lib/paths';

export async function getStaticPaths() {
  const result = await loadPaths();
  return result;
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
