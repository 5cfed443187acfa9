import Head from 'next/head';
import Image from 'next/image';
import Link from 'next/link';

export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return (
    <>
      <Head>
        <title>{slug}</title>
      </Head>
      <Image src="/cover.png" alt="" width={100} height={50} />
      <Link href="/blog" prefetch={false} className="back">
        Back
      </Link>
    </>
  );
}
