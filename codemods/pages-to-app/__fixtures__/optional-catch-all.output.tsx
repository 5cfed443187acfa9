export async function generateStaticParams() {
  return [
    { slug: [] },
    { slug: [] },
    { slug: ['a', 'b'] },
    { slug: [] },
  ];
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { slug?: string[] } }) {
  return { parts: params.slug ?? [] };
}

export default async function Docs({ params }: { params: Promise<{ slug?: string[] }> }) {
  const { parts } = await getPageProps({ params: await params });
  return <p>{parts.join(' / ')}</p>;
}
