import { getComments, getPost } from '../../lib/posts';

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

/* @zfb-next-todo: <Comments> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because its await reads `thread`, a value it awaited itself (awaits that depend on other awaited values stay in order here): await its data in the page (or paths() props) and pass it down */
async function Comments({ slug }: { slug: string }) {
  const thread = await getPost(slug);
  const comments = await getComments(thread.threadId);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

export default async function Page({ params }: { params: { slug: string } }) {
  const { slug } = params;
  const post = await getPost(slug);
  return (
    <article>
      <Comments slug={slug} />
    </article>
  );
}
