import { notFound } from 'next/navigation';
import React from 'react';

export async function generateStaticParams() {
  return [{ slug: 'one' }];
}

export const dynamicParams = false;

async function getPageProps({ params }) {
  if (params.slug === 'gone') return notFound();
  return { slug: params.slug };
}

export default async function Page({ params }) {
  const props = await getPageProps({ params: await params });
  return React.createElement('h1', null, props.slug);
}
