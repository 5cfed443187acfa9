export const dynamicParams = false;

export async function generateStaticParams() {
  return [{ category: 'tech' }, { category: 'news' }];
}

export default function CategoryLayout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>;
}
