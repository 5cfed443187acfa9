import { buildPaths } from '../../lib/paths';

export async function getStaticPaths() {
  return { paths: await buildPaths(), fallback: 'blocking' };
}

export default function Page() {
  return <p>page</p>;
}
