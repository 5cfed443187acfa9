import { readFile } from 'node:fs/promises';

export async function generateStaticParams() {
  const index = JSON.parse(await readFile('content/index.json', 'utf8'));
  return index.map((slug: string) => ({ slug }));
}

export const dynamicParams = false;

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = await fetch(`https://cms.example.com/${slug}`).then((r) => r.json());
  return <h1>{post.title}</h1>;
}
