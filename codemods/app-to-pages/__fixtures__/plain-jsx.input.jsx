import { getPost } from '../../../lib/posts';

export const dynamicParams = false;

export function generateStaticParams() {
  return [{ slug: 'one' }];
}

export default async function Page({ params }) {
  const { slug } = await params;
  const post = await getPost(slug);
  return <h1>{post.title}</h1>;
}
