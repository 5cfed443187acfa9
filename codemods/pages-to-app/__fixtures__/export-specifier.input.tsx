import { listSlugs, loadPost } from '../../lib/data';

async function loadPaths() {
  const slugs = await listSlugs();
  return { paths: slugs.map((slug) => ({ params: { slug } })), fallback: false };
}

async function loadProps({ params }) {
  return { props: { post: await loadPost(params.slug) } };
}

export { loadPaths as getStaticPaths, loadProps as getStaticProps };

export default function Page({ post }) {
  return <h1>{post.title}</h1>;
}
