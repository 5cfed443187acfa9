/* @zfb-next-todo: next/router does not work in the app router: use next/navigation (useRouter, usePathname, useSearchParams) in a client component */
import { useRouter } from 'next/router';

/* @zfb-next-todo: fallback: true has no app-router equivalent: unlisted URLs are now rendered on their first request without a fallback page (router.isFallback no longer exists), like fallback: 'blocking' */
export async function generateStaticParams() {
  return [{ slug: 'first' }];
}

async function getPageProps({ params }: { params: { slug: string } }) {
  const res = await fetch(`https://api.example.com/posts/${params.slug}`);
  const post = await res.json();
  return { post };
}

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { post } = await getPageProps({ params: await params });
  /* @zfb-next-todo: the page is now an async server component that awaits its data first, where `useRouter` cannot run: move the code that needs it into a client component ('use client') that gets the loaded props */
  const router = useRouter();
  if (router.isFallback) return <p>Loading…</p>;
  return <article>{post.body}</article>;
}
