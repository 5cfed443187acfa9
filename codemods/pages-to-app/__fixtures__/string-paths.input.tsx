export async function getStaticPaths() {
  return {
    paths: ['/blog/hello', '/blog/caf%C3%A9/', { params: { slug: 'third' } }],
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Page({ slug }) {
  return <h1>{slug}</h1>;
}
