const { load } = require('../../lib/make');
function Post({ slug }) {
  return <h1>{slug}</h1>;
}
module.exports = Post;
/* @zfb-next-todo: getStaticPaths is exported through CommonJS (module.exports), which this transform cannot carry over; the file is left as it was: export it with `export` and run the codemod again */
module.exports.getStaticPaths = load.getStaticPaths;
/* @zfb-next-todo: getStaticProps is exported through CommonJS (module.exports), which this transform cannot carry over; the file is left as it was: export it with `export` and run the codemod again */
module.exports.getStaticProps = async ({ params }) => ({ props: { slug: params.slug } });
