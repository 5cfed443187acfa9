import { related, track } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

/* @zfb-next-todo: dynamicParams is true (the default): Next rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404 */
// zfb built only the URLs paths() listed: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the params, as a plain object. */
export default async function AppPage({ params }: { params: Promise<Record<string, any>> }) {
  return <Page {...({ params: await params } as any)} />;
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
