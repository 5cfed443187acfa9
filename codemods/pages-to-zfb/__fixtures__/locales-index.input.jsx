import Link from 'next/link';

export async function getStaticProps({ locale, locales }) {
  return { props: { locale, others: locales.filter((l) => l !== locale) } };
}

export default function Home({ locale, others }) {
  return (
    <main lang={locale}>
      {others.map((l) => (
        <a key={l} href={`/${l}`}>{l}</a>
      ))}
      <Link href="/about">about</Link>
    </main>
  );
}
