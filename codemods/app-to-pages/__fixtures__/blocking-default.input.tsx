export async function generateStaticParams() {
  return [{ slug: 'a' }, { slug: 'b' }];
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <p>{slug}</p>;
}
