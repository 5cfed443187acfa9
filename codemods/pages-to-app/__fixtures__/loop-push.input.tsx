import { categories } from '../../../lib/catalog';

export async function getStaticPaths() {
  const paths = [];
  for (const category of categories) {
    // One page per product, nested under its category.
    for (const item of category.items) {
      paths.push({ params: { category: category.id, item: item.id } });
    }
  }
  return { paths, fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { id: params.item } };
}

export default function Item({ id }) {
  return <p>{id}</p>;
}
