export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string }>;
};

export default async function Page({ params, searchParams }: Props) {
  const { slug } = await params;
  const { page = '1' } = await searchParams;
  return <p>{slug} {page}</p>;
}
