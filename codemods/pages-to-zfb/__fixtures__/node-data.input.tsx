import fs from 'node:fs';
import path from 'path';

export async function getStaticPaths() {
  const files = fs.readdirSync(path.join(process.cwd(), 'posts'));
  return { paths: files.map((file) => ({ params: { slug: file.replace(/\.md$/, '') } })), fallback: false };
}

export async function getStaticProps({ params }) {
  const response = await fetch(`https://cms.example.com/posts/${params.slug}`);
  const post = await response.json();
  const preview = process.env.NODE_ENV !== 'production';
  return { props: { post, preview } };
}

export default function Post({ post }) {
  return <h1>{post.title}</h1>;
}
