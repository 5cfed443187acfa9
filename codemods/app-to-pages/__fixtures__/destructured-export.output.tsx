import { make } from '../../../lib/loader';
/* @zfb-next-todo: generateStaticParams is exported through a destructuring pattern, which this transform cannot carry over; the file is left as it was: export it as `export const generateStaticParams = …` and run the codemod again */
/* @zfb-next-todo: dynamicParams is exported through a destructuring pattern, which this transform cannot carry over; the file is left as it was: export it as `export const dynamicParams = …` and run the codemod again */
export const { generateStaticParams, dynamicParams } = make();
export default async function Post({ params }) {
  const { slug } = await params;
  return <h1>{slug}</h1>;
}
