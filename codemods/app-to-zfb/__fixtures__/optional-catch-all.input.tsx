export async function generateStaticParams() {
  return [{ slug: [] }, { slug: null }, { slug: ['intro'] }];
}

export const dynamicParams = false;

export default async function Doc({ params }: { params: Promise<{ slug?: string[] }> }) {
  const { slug = [] } = await params;
  return <p>{slug.length}</p>;
}
