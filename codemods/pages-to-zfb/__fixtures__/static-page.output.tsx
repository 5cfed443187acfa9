/* @zfb-next-todo: zfb has no next/head: render <title> and <meta> inside the <head> of the page or its layout */
import Head from 'next/head';

export async function getStaticProps() {
  /* @zfb-next-todo: revalidate: zfb is static only; this page changes only when the site is rebuilt */
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
