export async function paths() {
  const { getCollection } = await import('@takazudo/zfb/content');
  return getCollection('posts').map((post) => ({ params: { slug: post.id } }));
}

export default function Post({ params }: { params: { slug: string } }) {
  return <p>{params.slug}</p>;
}
