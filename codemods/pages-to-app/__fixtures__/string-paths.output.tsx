export async function generateStaticParams() {
  return [{ slug: 'hello' }, { slug: 'café' }, { slug: 'third' }];
}

export const dynamicParams = false;

async function getPageProps({ params }: { params: { slug: string } }) {
  return { slug: params.slug };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await getPageProps({ params: await params });
  return <h1>{slug}</h1>;
}
