import Link from 'next/link';

export async function getStaticProps() {
  return { props: { title: 'Home' } };
}

export default function Home({ title }) {
  return (
    <main>
      <h1>{title}</h1>
      <Link href="/about">about</Link>
    </main>
  );
}
