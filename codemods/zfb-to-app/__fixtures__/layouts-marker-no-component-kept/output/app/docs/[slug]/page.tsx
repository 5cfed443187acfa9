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
/* @zfb-next-todo: Next rendered this page inside app/layout.tsx, app/docs/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
async function Doc({ params }: { params: { slug: string } }) {
  const { slug } = params;
  return (
    <h1>
      {site.name}: {slug}
    </h1>
  );
}
