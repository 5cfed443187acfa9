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

/* @zfb-next-todo: <Comments> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is passed to <Sidebar>, which decides whether it renders: await its data in the page (or paths() props) and pass it down */
async function Comments({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

function Sidebar({ children }) {
  return <aside>{children}</aside>;
}

// Exported: another module may render it as it is.
/* @zfb-next-todo: <Byline> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is exported, so other modules may render it as it is: await its data in the page (or paths() props) and pass it down */
export async function Byline({ slug }: { slug: string }) {
  const post = await getPost(slug);
  return <p>{post.author}</p>;
}

/* @zfb-next-todo: <Counter> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is rendered 2 times; the hoist handles one use: await its data in the page (or paths() props) and pass it down */
async function Counter({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <span>{comments.length}</span>;
}

/* @zfb-next-todo: <Title> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because its prop `slug` is computed by an expression the hoist would evaluate earlier (it moves only names, member reads and literals): await its data in the page (or paths() props) and pass it down */
async function Title({ slug }: { slug: string }) {
  const post = await getPost(slug);
  return <h2>{post.title}</h2>;
}

export default async function Page({ params }: { params: { slug: string } }) {
  const { slug } = params;
  const post = await getPost(slug);
  return (
    <article>
      <Sidebar><Comments slug={slug} /></Sidebar>
      <Byline slug={slug} />
      <Counter slug={slug} /> <Counter slug={slug} />
      <Title slug={slug.toLowerCase()} />
    </article>
  );
}
