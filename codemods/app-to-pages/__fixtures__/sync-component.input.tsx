export const dynamicParams = false;

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export default function Page() {
  return <p>Always the same</p>;
}
