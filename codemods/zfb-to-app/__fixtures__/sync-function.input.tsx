export function paths() {
  return [{ params: { slug: 'a' } }, { params: { slug: 'b' } }];
}

export default function Post({ params }: { params: { slug: string } }) {
  return <p>{params.slug}</p>;
}
