export function paths() {
  return [{ params: { slug: 'a' } }];
}

export default function Post({ params }) {
  return <p>{params.slug}</p>;
}
