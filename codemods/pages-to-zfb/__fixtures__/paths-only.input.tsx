export function getStaticPaths() {
  return { paths: [{ params: { slug: 'one' } }, { params: { slug: 'two', extra: 'ignored by Next' } }], fallback: false };
}

export default function Post({ params }) {
  return <p>{params?.slug}</p>;
}
