export async function getStaticPaths() {
  return {
    paths: ['/docs/guide/install', { params: { slug: ['api', 'config'] } }],
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { path: params.slug.join('/') } };
}

export default function Doc({ path }) {
  return <p>{path}</p>;
}
