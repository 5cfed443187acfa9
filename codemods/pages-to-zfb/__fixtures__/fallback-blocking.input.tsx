export async function getStaticPaths() {
  return {
    paths: [{ params: { slug: 'first' } }],
    fallback: 'blocking',
  };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
