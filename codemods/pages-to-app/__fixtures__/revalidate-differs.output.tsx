export async function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

/* @zfb-next-todo: revalidate differs between returns or is computed: export const revalidate = <seconds> by hand */
async function getPageProps({ params }: { params: { slug: string } }) {
  if (params.slug === 'a') return {};
  return {};
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  await getPageProps({ params: await params });
  return null;
}
