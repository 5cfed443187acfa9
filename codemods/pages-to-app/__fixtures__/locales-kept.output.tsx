export async function generateStaticParams() {
  return [
    { slug: 'hello', locale: 'fr' },
    { slug: 'hello', locale: 'en' },
    { slug: 'bonjour', locale: 'fr' },
  ];
}

export const dynamicParams = false;

async function getPageProps({ params, locale }: { params: { locale: string; slug: string } }) {
  return { slug: params.slug, locale };
}

export default async function Page({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug, locale } = await getPageProps({ params: await params, locale: (await params).locale });
  return <p lang={locale}>{slug}</p>;
}
