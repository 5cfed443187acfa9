export async function generateStaticParams() {
  /* @zfb-next-todo: getStaticPaths read its locales context, and no i18n config is known here */
  const { locales } = { locales: [], defaultLocale: undefined };
  return locales.map((locale) => (/* @zfb-next-todo: locale "…" dropped: the app router has no i18n config; move the page under a [locale] segment */ { slug: 'home' }));
}

export const dynamicParams = false;

export default function Page() {
  return <p>home</p>;
}
