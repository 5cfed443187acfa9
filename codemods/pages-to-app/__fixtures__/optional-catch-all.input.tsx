export async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: null } },
      { params: { slug: false } },
      { params: { slug: ['a', 'b'] } },
      '/docs',
    ],
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { parts: params.slug ?? [] } };
}

export default function Docs({ parts }) {
  return <p>{parts.join(' / ')}</p>;
}
