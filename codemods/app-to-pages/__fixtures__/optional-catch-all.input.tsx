export const dynamicParams = false;

export async function generateStaticParams() {
  return [{ slug: [] }, { slug: ['a', 'b'] }];
}

export default async function Docs({ params }: { params: Promise<{ slug?: string[] }> }) {
  const { slug = [] } = await params;
  return <p>{slug.join(' / ')}</p>;
}
