import { getAuthor, getPost } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

interface AuthorProps {
  id: string;
  label?: string;
}

// The author's card: its data comes from the CMS.
async function AuthorCard(props: AuthorProps) {
  const author: { name: string; bio: string } = await getAuthor(props.id);
  return (
    <section>
      <h2>{props.label ?? author.name}</h2>
      <p>{author.bio}</p>
    </section>
  );
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await getPost(slug);
  return (
    <>
      <h1>{post.title}</h1>
      <AuthorCard id={post.authorId} label="Written by" />
    </>
  );
}
