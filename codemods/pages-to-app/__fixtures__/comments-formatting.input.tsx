/**
 * The archive: one page per year.
 */
import type { GetStaticPaths, GetStaticProps } from 'next';
import { years, postsOf } from '../../lib/archive';

type Params = { year: string };
const   PAGE_SIZE =  20 ; // untouched code keeps its odd spacing

// Built from the archive index.
export const getStaticPaths: GetStaticPaths<Params> = async () => {
  const all = await years(); /* trailing note */
  return {
    // Only the listed years exist.
    paths: all.map((year) => ({ params: { year: String(year) } })),
    fallback: false,
  };
};

export const getStaticProps: GetStaticProps<{ posts: string[] }, Params> = async ({ params }) => {
  // Never undefined here: fallback is false.
  const posts = await postsOf(params!.year);
  return { props: { posts: posts.slice(0, PAGE_SIZE) } };
};

export default function Year({ posts }: { posts: string[] }) {
  return (
    <ul>
      {posts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
