import { generateStaticParams } from '../../lib/params';

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams({ params: {} })).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

export default function Page() {
  return <p />;
}
