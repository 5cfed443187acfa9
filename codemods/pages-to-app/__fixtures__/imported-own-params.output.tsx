import { generateStaticParams as pageGenerateStaticParams } from '../../../lib/params';

export async function generateStaticParams() {
  return (await pageGenerateStaticParams({ params: {} })).map((params) => (params));
}

export default function Page() {
  return <p />;
}
