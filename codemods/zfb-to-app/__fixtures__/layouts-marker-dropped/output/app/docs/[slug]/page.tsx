import { site } from '../../../lib/site';

export function generateStaticParams() {
  return site.docs.map((slug) => ({ slug }));
}

// zfb built only the URLs paths() listed: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the params, as a plain object. */
export default async function Page({ params }: { params: Promise<Record<string, any>> }) {
  return <Doc {...({ params: await params } as any)} />;
}

/** One doc page: its slug under the site's name. */
async function Doc({ params }: { params: { slug: string } }) {
  const { slug } = params;
  return (
    <h1>
      {site.name}: {slug}
    </h1>
  );
}
