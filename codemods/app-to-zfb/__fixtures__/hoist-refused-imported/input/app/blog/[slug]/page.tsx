import Comments, { CommentCount } from '../../../components/comments';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <article>
      <CommentCount count={2} />
      <Comments slug={slug} />
    </article>
  );
}
