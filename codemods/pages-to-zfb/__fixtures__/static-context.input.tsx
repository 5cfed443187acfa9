import type { GetStaticPropsContext } from 'next';
import { loadAbout } from '../lib/about';

export async function getStaticProps({ locale, revalidateReason }: GetStaticPropsContext) {
  const about = await loadAbout();
  if (!about) return { notFound: true };
  if (about.moved) return { redirect: { destination: about.moved, permanent: true } };
  if (about.draft) return loadDraft(about);
  return { props: { title: about.title, locale: locale ?? null, reason: revalidateReason } };
}

export default function About({ title }) {
  return <h1>{title}</h1>;
}
