export default async function Docs({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  return <p lang={lang}>docs</p>;
}
