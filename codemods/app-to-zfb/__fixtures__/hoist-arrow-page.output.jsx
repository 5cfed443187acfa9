import { related, track } from '../../lib/posts';

function generateStaticParams() {
  return [{ slug: 'a' }];
}

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
/* @zfb-next-todo: dynamicParams is true (the default): Next rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404 */
export async function paths() {
  const sets = await generateStaticParams();
  // Next builds none of the route's URLs when one params set lacks a key.
  if (sets.some((set) => !('slug' in set))) return [];
  const seen = new Set();
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

const Related = ({ tag, limit = 3, relatedData }) => {
  return (
    <ul>
      {(relatedData).map((post) => (
        <li key={post.slug}>{post.title}</li>
      ))}
    </ul>
  );
};

function Badge() {
  return <b>new</b>;
}

const Page = async ({ params }) => {
  await track(params.slug);
  const relatedData = await related(params.slug, 3);
  return (
    <main>
      <Badge />
      <Related tag={params.slug} relatedData={relatedData} />
    </main>
  );
};

export default Page;
