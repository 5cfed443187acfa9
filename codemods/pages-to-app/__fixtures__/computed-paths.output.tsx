import { buildPaths } from '../../../lib/paths';

export async function generateStaticParams() {
  /* @zfb-next-todo: paths are computed elsewhere: each entry is assumed to be a { params } object (string paths and locales are not converted) */
  return (await buildPaths()).map((entry) => entry.params);
}

export default function Page() {
  return <p>page</p>;
}
