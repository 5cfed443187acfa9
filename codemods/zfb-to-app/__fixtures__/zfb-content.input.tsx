import { getCollection } from '@takazudo/zfb/content';

export async function paths() {
  const posts = getCollection('posts');
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}

export default function Post({ post }: { post: { data: { title: string } } }) {
  return <h1>{post.data.title}</h1>;
}
