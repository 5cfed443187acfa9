/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /blog/[slug] beside /en/blog/[slug]; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only /en/blog/[slug], so /blog/[slug] now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (/blog/[slug] to /en/blog/[slug] with NextResponse.rewrite), or redirects it there */
export async function generateStaticParams() {
  return [
    { slug: 'hello', locale: 'fr' },
    { slug: 'hello', locale: 'en' },
    { slug: 'bonjour', locale: 'fr' },
  ];
}

export const dynamicParams = false;

async function getPageProps({ params, locale }: { params: { slug: string }; locale: string }) {
  return { slug: params.slug, locale };
}

export default async function Page({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug, locale } = await getPageProps((({ locale, ...params }) => ({ params, locale }))(await params));
  return <p lang={locale}>{slug}</p>;
}
