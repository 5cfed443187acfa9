import { postOrNotFound, slugs } from '../../../lib/posts';

export async function generateStaticParams() {
  return (await slugs()).map((slug) => ({ slug }));
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await postOrNotFound(slug);
  return <h1>{post.title}</h1>;
}
