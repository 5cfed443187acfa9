import { messages } from '../../../lib/messages';

/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /about beside /en/about; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only /en/about, so /about now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (/about to /en/about with NextResponse.rewrite), or redirects it there */
export async function generateStaticParams() {
  return [{ locale: 'en' }, { locale: 'fr' }, { locale: 'de' }];
}

export const dynamicParams = false;

async function getPageProps({ locale }: { locale: string }) {
  return { title: messages[locale].about };
}

export default async function About({ params }: { params: Promise<{ locale: string }> }) {
  const { title } = await getPageProps({ locale: (await params).locale });
  return <h1>{title}</h1>;
}
