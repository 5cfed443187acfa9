import { buildPaths } from '../../../../lib/paths';

/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /blog/[slug] beside /en/blog/[slug]; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only /en/blog/[slug], so /blog/[slug] now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (/blog/[slug] to /en/blog/[slug] with NextResponse.rewrite), or redirects it there */
export async function generateStaticParams() {
  /* @zfb-next-todo: paths are computed elsewhere: each entry is assumed to be a { params, locale? } object (string paths are not converted) */
  return (await buildPaths()).map((entry) => ({ ...entry.params, locale: entry.locale || 'en' }));
}

export default function Page() {
  return <p>page</p>;
}
