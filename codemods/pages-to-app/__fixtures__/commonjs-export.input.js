const { load } = require('../../lib/make');
function Post({ slug }) {
  return <h1>{slug}</h1>;
}
module.exports = Post;
module.exports.getStaticPaths = load.getStaticPaths;
module.exports.getStaticProps = async ({ params }) => ({ props: { slug: params.slug } });
