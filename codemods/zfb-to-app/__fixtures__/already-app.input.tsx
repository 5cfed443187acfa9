export function paths() {
  return [{ params: { slug: 'a' } }];
}

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export default function Post({ params }: { params: { slug: string } }) {
  return <p>{params.slug}</p>;
}
