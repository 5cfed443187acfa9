import Head from 'next/head';

export async function getStaticProps() {
  return { props: { title: 'About' }, revalidate: 3600 };
}

export default function About({ title }) {
  return (
    <main>
      <Head>
        <title>{title}</title>
      </Head>
      <h1>{title}</h1>
    </main>
  );
}
