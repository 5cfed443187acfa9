function listEntries() {
  return [{ params: { slug: 'one' }, props: { n: 1 } }];
}

export { listEntries as paths };

export default function Post({ n }: { n: number }) {
  return <p>{n}</p>;
}
