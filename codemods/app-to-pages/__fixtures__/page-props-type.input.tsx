export const dynamicParams = false;

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export default async function Page({ params }: PageProps<'/blog/[slug]'>) {
  const { slug } = await params;
  return <p>{slug}</p>;
}
