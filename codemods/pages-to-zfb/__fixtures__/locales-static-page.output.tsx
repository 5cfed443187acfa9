import { messages } from '../../lib/messages';

async function getStaticProps({ locale }) {
  return { props: { title: messages[locale].about } };
}

/**
 * The URLs zfb builds: Next built this page once per locale, each with the props getStaticProps gives it.
 */
/* @zfb-next-todo: Next also served the default locale 'en' without its prefix, at /about beside /en/about; zfb builds only /en/about, so /about now gets a 404 unless your host redirects it (e.g. public/_redirects) */
export async function paths() {
  const entries = [];
  for (const locale of ['en', 'fr', 'de']) {
    const result = await getStaticProps({ locale, locales: ['en', 'fr', 'de'], defaultLocale: 'en' });
    // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
    if (!('props' in result)) continue;
    entries.push({ params: { locale }, props: await result.props });
  }
  return entries;
}

export default function About({ title }) {
  return <h1>{title}</h1>;
}
