export default async function Item({ params }) {
  const { id } = await params;
  return <p>Item {id}</p>;
}
