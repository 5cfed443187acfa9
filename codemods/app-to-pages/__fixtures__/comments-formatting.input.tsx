/**
 * One page per archived year.
 */
import { postsOf, years } from '../../../lib/archive';

const   PAGE_SIZE =  20 ; // untouched code keeps its odd spacing

// Only the years in the index exist.
export const dynamicParams = false;

// Built from the archive index.
export async function generateStaticParams() {
  const all = await years(); /* trailing note */
  return all.map((year) => ({ year: String(year) }));
}

export default async function Year({ params }: { params: Promise<{ year: string }> }) {
  // Never missing: dynamicParams is false.
  const { year } = await params;
  const posts = (await postsOf(year)).slice(0, PAGE_SIZE);
  return (
    <ul>
      {posts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
