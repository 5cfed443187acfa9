export async function getStaticPaths() {
  return {
    paths: ['/blog/hello', '/blog/hello%20world/', { params: { slug: 'third' } }],
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
