import { products } from '../../../../data/products';

export async function generateStaticParams() {
  return products.map((p) => ({ id: String(p.id) }));
}

export default async function Product({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <p>{id}</p>;
}
