const slugs = ['a', 'b'];

export const generateStaticParams = async () => slugs.map((slug) => ({ slug }));

export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export default async function Page(props: Props) {
  const params = await props.params;
  return <p>{params.slug}</p>;
}
