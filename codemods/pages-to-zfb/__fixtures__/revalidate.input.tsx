export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  return {
    props: { slug: params.slug, builtAt: '2024-01-01' },
    revalidate: 60,
  };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
