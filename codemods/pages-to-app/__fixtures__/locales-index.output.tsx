/* @zfb-next-todo: Next's <Link> added the page's locale to each href (/about became /fr/about on a 'fr' page, /about on a 'en' page); the app router's <Link> keeps the href as written and ignores its locale prop: prefix each href with the locale param (`/${locale}/about`, locale from await params) */
import Link from 'next/link';

/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at / beside /en; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only /en, so / now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (/ to /en with NextResponse.rewrite), or redirects it there */
/* @zfb-next-todo: Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); the app router detects no locale: in proxy.ts, match the Accept-Language header of a request for / against ['en', 'fr', 'de'] and redirect to the preferred one (e.g. /fr) */
export async function generateStaticParams() {
  return [{ locale: 'en' }, { locale: 'fr' }, { locale: 'de' }];
}

export const dynamicParams = false;

async function getPageProps({ locale }: { locale: string }) {
  return { locale };
}

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getPageProps({ locale: (await params).locale });
  return (
    <main lang={locale}>
      <Link href="/about">about</Link>
    </main>
  );
}
