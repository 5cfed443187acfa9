const slugs = ['hello', 'world'];

async function listPosts() {
  return { paths: slugs.map((slug) => ({ params: { slug } })), fallback: false };
}

async function loadPost({ params }) {
  return { props: { slug: params.slug } };
}

export { listPosts as getStaticPaths, loadPost as getStaticProps };

export default function Post({ slug }) {
  return <p>{slug}</p>;
}
