import type { InferGetStaticPropsType } from 'next';
import { listSlugs } from '../../lib/data';

async function allSlugs() {
  return (await listSlugs()).map((slug) => ({ slug }));
}

export async function getStaticPaths() {
  return {
    paths: (await allSlugs()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { slug: string } }) {
  const { slug } = await params;
  return { props: { slug } };
}

export default function Page({ slug }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <h1>{slug}</h1>;
}
