import { getPost } from '../../lib/posts';

function generateStaticParams() {
  return [{ slug: 'one' }];
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }) {
  const { slug } = await params;
  const post = await getPost(slug);
  return { props: { post } };
}

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
