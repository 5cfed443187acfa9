async function getPageProps({ params }) {
  const { id } = await params;
  return { id };
}

export default async function Item({ params }) {
  const { id } = await getPageProps({ params: await params });
  return <p>Item {id}</p>;
}
