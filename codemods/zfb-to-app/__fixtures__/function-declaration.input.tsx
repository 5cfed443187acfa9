import posts from '../../data/posts.json';

export async function paths() {
  return posts.map((post) => ({ params: { slug: post.slug }, props: { title: post.title } }));
}

export default function Post({ title }: { title: string }) {
  return <h1>{title}</h1>;
}
