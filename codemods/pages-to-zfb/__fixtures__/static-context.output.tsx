import type { GetStaticPropsContext } from 'next';
import { loadAbout } from '../lib/about';

/* @zfb-next-todo: getStaticProps returns a value computed at run time: if it is { notFound } or { redirect }, the zfb build fails ("getStaticProps() for "/about" must return { props: {...} }") */
export async function getStaticProps({ locale, revalidateReason }: GetStaticPropsContext = { locales: [], locale: undefined, defaultLocale: undefined, revalidateReason: 'build' }) {
  const about = await loadAbout();
  if (!about) return /* @zfb-next-todo: notFound on a static page: the zfb build fails ("getStaticProps() for "/about" must return { props: {...} }"): delete the page instead */ { notFound: true };
  if (about.moved) return /* @zfb-next-todo: redirect on a static page: the zfb build fails ("getStaticProps() for "/about" must return { props: {...} }"): delete the page and add the redirect to your host (e.g. public/_redirects) */ { redirect: { destination: about.moved, permanent: true } };
  if (about.draft) return loadDraft(about);
  return { props: { title: about.title, locale: locale ?? null, reason: revalidateReason } };
}

export default function About({ title }) {
  return <h1>{title}</h1>;
}
