import { getPost } from '../../../lib/posts';

export const revalidate = 60;

export async function generateStaticParams() {
  return [{ slug: 'hello' }];
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const post = await getPost((await params).slug);
  return <article>{post.body}</article>;
}
