export const dynamicParams = false;

export async function generateStaticParams() {
  return [{ slug: ['guide', 'install'] }, { slug: ['api'] }];
}

export default async function Doc({ params }: { params: Promise<{ slug: string[] }> }) {
  const { slug } = await params;
  return <p>{slug.join('/')}</p>;
}
