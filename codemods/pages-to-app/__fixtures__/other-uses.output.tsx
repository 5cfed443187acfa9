/* @zfb-next-todo: an app page is a server component, where `useState` cannot run: next build fails ("You're importing a module that depends on `useState` into a React Server Component module"); move the component that uses it into a file that starts with 'use client' and render it from the page */
import React, { useState } from 'react';

export async function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { slug: string } }) {
  return { slug: params.slug };
}

/* @zfb-next-todo: calls getStaticPaths, which becomes generateStaticParams and returns the params objects themselves, not { paths, fallback }: update this code */
/* @zfb-next-todo: calls getStaticProps, which becomes the page's props loader and returns the props themselves (notFound() and redirect() throw instead of being returned): update this code */
/* @zfb-next-todo: `feed` stays exported from an app page, which allows only its own fields (generateStaticParams, metadata, dynamicParams, …): next build --webpack fails ("feed" is not a valid Page export field): move it into a module of its own and import it from there */
export async function feed() {
  const { paths } = await generateStaticParams();
  return Promise.all(paths.map(async (p) => (await getPageProps(p)).props));
}

/* @zfb-next-todo: `frontmatter` stays exported from an app page, which allows only its own fields (generateStaticParams, metadata, dynamicParams, …): next build --webpack fails ("frontmatter" is not a valid Page export field): move it into a module of its own and import it from there */
export const frontmatter = { title: 'x' };
export type Meta = { a: 1 };

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await getPageProps({ params: await params });
  /* @zfb-next-todo: the page is now an async server component that awaits its data first, where `React.useMemo` cannot run (next build: "Cannot read properties of null (reading 'useMemo')"): move the code that needs it into a client component ('use client') that gets the loaded props */
  const upper = React.useMemo(() => slug.toUpperCase(), [slug]);
  /* @zfb-next-todo: the page is now an async server component that awaits its data first, where `useState` cannot run: move the code that needs it into a client component ('use client') that gets the loaded props */
  const [open] = useState(false);
  return <h1>{upper}{open}</h1>;
}
