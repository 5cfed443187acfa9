export function generateStaticParams() {
  return [{ slug: 'a' }];
}

// A page written on one line keeps its braces and the code that renders.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) { const { slug } = await params; return <p>{slug}</p>; }
