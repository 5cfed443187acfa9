export function paths() {
  // zfb spreads props after params: this `params` prop wins.
  return [{ params: { slug: 'a' }, props: { params: 'from-props', title: 'A' } }];
}

export default function Post({ params, title }: { params: unknown; title: string }) {
  return <p>{String(params)} {title}</p>;
}
