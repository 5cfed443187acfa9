const slugs = ['x', 'y'];

export const paths = async () => slugs.map((slug) => ({ params: { slug }, props: { upper: slug.toUpperCase() } }));

export default function Post({ params, upper }: { params: { slug: string }; upper: string }) {
  return <p>{params.slug} {upper}</p>;
}
