import type { GetStaticPaths, GetStaticProps } from 'next';

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: [
    { params: { slug: ['guide', 'install'] } },
    '/docs/api/reference',
  ],
  fallback: false,
});

export const getStaticProps: GetStaticProps = async ({ params }) => ({
  props: { path: (params?.slug as string[]).join('/') },
});

export default function Doc({ path }: { path: string }) {
  return <p>{path}</p>;
}
