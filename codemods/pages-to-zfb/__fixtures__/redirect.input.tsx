export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'new' } }, { params: { slug: 'old' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  if (params.slug === 'old') {
    return { redirect: { destination: '/blog/new', permanent: true } };
  }
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
