export function paths() {
  return [{ params: { slug: [] } }, { params: { slug: ['intro'] } }];
}

export default function Doc({ params }: { params: { slug: string[] } }) {
  return <p>{params.slug.length}</p>;
}
