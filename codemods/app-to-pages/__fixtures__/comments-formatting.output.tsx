/**
 * One page per archived year.
 */
import { postsOf, years } from '../../lib/archive';
import type { InferGetStaticPropsType } from 'next';

const   PAGE_SIZE =  20 ; // untouched code keeps its odd spacing

// Only the years in the index exist.

// Built from the archive index.
async function generateStaticParams() {
  const all = await years(); /* trailing note */
  return all.map((year) => ({ year: String(year) }));
}

export async function getStaticPaths() {
  return {
    paths: (await generateStaticParams()).map((params) => ({ params })),
    fallback: false,
  };
}

export async function getStaticProps({ params }: { params: { year: string } }) {
  // Never missing: dynamicParams is false.
  const { year } = await params;
  const posts = (await postsOf(year)).slice(0, PAGE_SIZE);
  return { props: { posts } };
}

export default function Year({ posts }: InferGetStaticPropsType<typeof getStaticProps>) {
  return (
    <ul>
      {posts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
