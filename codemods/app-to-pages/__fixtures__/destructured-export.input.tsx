import { make } from '../../../lib/loader';
export const { generateStaticParams, dynamicParams } = make();
export default async function Post({ params }) {
  const { slug } = await params;
  return <h1>{slug}</h1>;
}
