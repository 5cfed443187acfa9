import { products } from '../../../data/products';

export async function generateStaticParams() {
  return products.map((p) => ({ id: String(p.id) }));
}

// zfb built only the URLs paths() listed: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the params, as a plain object. */
export default async function Page({ params }: { params: Promise<Record<string, any>> }) {
  return <Product {...({ params: await params } as any)} />;
}

/* @zfb-next-todo: Next rendered this page inside app/(shop)/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */
async function Product({ params }: { params: { id: string } }) {
  const { id } = params;
  return <p>{id}</p>;
}
