export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  if (params.slug === 'a') return { props: {}, revalidate: 60 };
  return { props: {}, revalidate: 3600 };
}

export default function Page() {
  return null;
}
