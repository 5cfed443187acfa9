import { listSlugs } from '../../../lib/data';

async function allSlugs() {
  return (await listSlugs()).map((slug) => ({ slug }));
}

export { allSlugs as generateStaticParams };

export const dynamicParams = false;

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <h1>{slug}</h1>;
}
