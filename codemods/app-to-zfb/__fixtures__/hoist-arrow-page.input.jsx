import { related, track } from '../../../lib/posts';

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

const Related = async ({ tag, limit = 3 }) => {
  await track(tag);
  return (
    <ul>
      {(await related(tag, limit)).map((post) => (
        <li key={post.slug}>{post.title}</li>
      ))}
    </ul>
  );
};

async function Badge() {
  return <b>new</b>;
}

const Page = ({ params }) => (
  <main>
    <Badge />
    <Related tag={params.slug} />
  </main>
);

export default Page;
