async function getStaticProps({ locale, locales }) {
  return { props: { locale, others: locales.filter((l) => l !== locale) } };
}

/**
 * The URLs zfb builds: Next built this page once per locale, each with the props getStaticProps gives it.
 */
/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at / beside /en; zfb builds only /en, so / now gets a 404 unless your host redirects it (e.g. public/_redirects) */
/* @zfb-next-todo: Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); zfb writes static files and detects no locale: link to each locale from a page of your own */
export async function paths() {
  const entries = [];
  for (const locale of ['en', 'fr']) {
    const result = await getStaticProps({ locale, locales: ['en', 'fr'], defaultLocale: 'en' });
    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
    if (!('props' in result)) continue;
    entries.push({ params: { locale }, props: await result.props });
  }
  return entries;
}

/* @zfb-next-todo: Next's <Link> added the page's locale to each href (/about became /fr/about on a 'fr' page, /about on a 'en' page); a zfb <a> keeps the href as written: prefix it with the locale param (`/${params.locale}/about`) */
export default function Home({ locale, others }) {
  return (
    <main lang={locale}>
      {others.map((l) => (
        <a key={l} href={`/${l}`}>{l}</a>
      ))}
      <a href="/about">about</a>
    </main>
  );
}
