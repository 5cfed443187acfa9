/**
 * The archive: one page per year.
 */
import { years, postsOf } from '../../../lib/archive';

type Params = { year: string };
const   PAGE_SIZE =  20 ; // untouched code keeps its odd spacing

// Built from the archive index.
export const generateStaticParams = async () => {
  const all = await years(); /* trailing note */
  return all.map((year) => ({ year: String(year) }));
};

export const dynamicParams = false;

const getPageProps = async ({ params }: { params: Params }) => {
  // Never undefined here: fallback is false.
  const posts = await postsOf(params!.year);
  return { posts: posts.slice(0, PAGE_SIZE) };
};

export default async function Year({ params }: { params: Promise<{ year: string }> }) {
  const { posts } = await getPageProps({ params: await params });
  return (
    <ul>
      {posts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
