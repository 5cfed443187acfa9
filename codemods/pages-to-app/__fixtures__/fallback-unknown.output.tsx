const FALLBACK = process.env.STRICT ? false : 'blocking';

/* @zfb-next-todo: fallback is not one literal: export const dynamicParams = false for fallback: false; leave it out for 'blocking' */
export async function generateStaticParams() {
  return [{ slug: 'a' }];
}

export default function Page() {
  return <main />;
}
