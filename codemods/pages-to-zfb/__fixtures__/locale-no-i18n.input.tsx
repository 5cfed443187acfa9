export async function getStaticPaths() {
  return {
    paths: [
      { params: { slug: 'hello' } },
      { params: { slug: 'hello' }, locale: 'fr' },
    ],
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
