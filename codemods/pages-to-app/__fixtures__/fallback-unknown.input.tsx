const FALLBACK = process.env.STRICT ? false : 'blocking';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: FALLBACK };
}

export default function Page() {
  return <main />;
}
