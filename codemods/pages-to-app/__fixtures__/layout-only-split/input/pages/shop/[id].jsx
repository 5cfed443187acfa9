import { generateStaticParams as generateIdParams } from '../../app/shop/[id]/layout';

export async function getStaticPaths() {
  return {
    paths: (await generateIdParams()).map((params) => ({ params })),
    fallback: 'blocking',
  };
}

export async function getStaticProps({ params }) {
  const { id } = await params;
  return { props: { id } };
}

export default function Item({ id }) {
  return <p>Item {id}</p>;
}
