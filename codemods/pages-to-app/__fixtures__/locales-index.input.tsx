import Link from 'next/link';

export async function getStaticProps({ locale }) {
  return { props: { locale } };
}

export default function Home({ locale }) {
  return (
    <main lang={locale}>
      <Link href="/about">about</Link>
    </main>
  );
}
