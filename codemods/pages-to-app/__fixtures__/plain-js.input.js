import React from 'react';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'one' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  if (params.slug === 'gone') return { notFound: true };
  return { props: { slug: params.slug } };
}

export default function Page(props) {
  return React.createElement('h1', null, props.slug);
}
