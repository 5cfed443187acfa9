export default async function Page({ params }: { params: { slug: string } }) {
  const { slug } = params;
  return <p>{slug}</p>;
}

/* @zfb-next-todo: no generateStaticParams: Next rendered every URL of this route on request; list them here, zfb builds only these */
export function paths() {
  return [];
}
