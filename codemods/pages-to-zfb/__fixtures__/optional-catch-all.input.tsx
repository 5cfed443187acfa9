export async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: null } },
      { params: { slug: false } },
      { params: { slug: ['intro'] } },
      '/docs/a/b',
    ],
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { depth: (params.slug || []).length } };
}

export default function Doc({ depth }) {
  return <p>{depth}</p>;
}
