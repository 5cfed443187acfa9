async function listPosts() {
  return [{ slug: 'hello' }, { slug: '' }, { slug: 'hello' }];
}

export { listPosts as generateStaticParams };
export const dynamicParams = false;

export default async function Page({ params }) {
  const { slug } = await params;
  return <p>{slug}</p>;
}
