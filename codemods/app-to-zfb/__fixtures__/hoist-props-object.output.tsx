import { getAuthor, getPost } from '../../lib/posts';

function generateStaticParams() {
  return [{ slug: 'a' }];
}

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
export async function paths() {
  const sets: Record<string, any>[] = await generateStaticParams();
  // Next builds none of the route's URLs when one params set lacks a key.
  if (sets.some((set) => !('slug' in set))) return [];
  const seen = new Set<string>();
  const entries = [];
  for (const set of sets) {
    const params = { slug: set.slug };
    // Next drops a params set with an empty value.
    if (!params.slug) continue;
    const key = JSON.stringify(params);
    // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ params });
  }
  return entries;
}

interface AuthorProps {
  id: string;
  label?: string;
}

// The author's card: its data comes from the CMS.
function AuthorCard(props: AuthorProps & { author: { name: string; bio: string } }) {
  const author: { name: string; bio: string } = props.author;
  return (
    <section>
      <h2>{props.label ?? author.name}</h2>
      <p>{author.bio}</p>
    </section>
  );
}

export default async function Page({ params }: { params: { slug: string } }) {
  const { slug } = params;
  const post = await getPost(slug);
  const author = await getAuthor(post.authorId);
  return (
    <>
      <h1>{post.title}</h1>
      <AuthorCard id={post.authorId} label="Written by" author={author} />
    </>
  );
}
