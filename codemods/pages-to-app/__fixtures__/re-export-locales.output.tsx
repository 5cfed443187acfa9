/* @zfb-next-todo: getStaticProps comes from ../../lib/blog-data: its result is used as the props; handle notFound, redirect and revalidate by hand */
import { getStaticProps as getPageProps } from '../../../../lib/blog-data';
import { getStaticPaths } from '../../../../lib/blog-data';

export default async function Page({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { post } = (await getPageProps((({ locale, ...params }) => ({ params, locale }))(await params))).props;
  return <h1>{post.title}</h1>;
}

/* @zfb-next-todo: getStaticPaths comes from ../../lib/blog-data: its entries are assumed to be { params, locale? } objects, and its fallback is unknown here: set dynamicParams by hand */
/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /blog/[slug] beside /en/blog/[slug]; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only /en/blog/[slug], so /blog/[slug] now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (/blog/[slug] to /en/blog/[slug] with NextResponse.rewrite), or redirects it there */
export async function generateStaticParams() {
  const result = await getStaticPaths({ locales: ['en', 'fr'], defaultLocale: 'en' });
  return result.paths.map((entry) => ({ ...entry.params, locale: entry.locale || 'en' }));
}
