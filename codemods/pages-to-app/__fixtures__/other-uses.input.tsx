import React, { useState } from 'react';
import type { InferGetStaticPropsType } from 'next';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export async function feed() {
  const { paths } = await getStaticPaths();
  return Promise.all(paths.map(async (p) => (await getStaticProps(p)).props));
}

export const frontmatter = { title: 'x' };
export type Meta = { a: 1 };

export default function Post({ slug }: InferGetStaticPropsType<typeof getStaticProps>) {
  const upper = React.useMemo(() => slug.toUpperCase(), [slug]);
  const [open] = useState(false);
  return <h1>{upper}{open}</h1>;
}
