export function paths() {
  return [{ params: { slug: 'a' }, props: { n: 1 } }];
}

export default ({ n }: { n: number }) => <p>{n}</p>;
