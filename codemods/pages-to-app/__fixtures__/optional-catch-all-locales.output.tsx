/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /docs/[[...slug]] beside /en/docs/[[...slug]]; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only /en/docs/[[...slug]], so /docs/[[...slug]] now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (/docs/[[...slug]] to /en/docs/[[...slug]] with NextResponse.rewrite), or redirects it there */
export async function generateStaticParams() {
  return [
    { slug: [], locale: 'fr' },
    { slug: [], locale: 'en' },
    { slug: ['a', 'b'], locale: 'en' },
  ];
}

export const dynamicParams = false;

export default function Docs() {
  return <p>docs</p>;
}
