import { categories } from '../../../../lib/catalog';

export async function generateStaticParams() {
  const paths = [];
  for (const category of categories) {
    // One page per product, nested under its category.
    for (const item of category.items) {
      paths.push({ category: category.id, item: item.id });
    }
  }
  return paths;
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { category: string; item: string } }) {
  return { id: params.item };
}

export default async function Item({ params }: { params: Promise<{ category: string; item: string }> }) {
  const { id } = await getPageProps({ params: await params });
  return <p>{id}</p>;
}
