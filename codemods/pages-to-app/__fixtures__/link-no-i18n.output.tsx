import Link from 'next/link';

async function getPageProps() {
  return { title: 'Home' };
}

export default async function Home() {
  const { title } = await getPageProps();
  return (
    <main>
      <h1>{title}</h1>
      <Link href="/about">about</Link>
    </main>
  );
}
