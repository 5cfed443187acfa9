export async function getServerSideProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
