import { categories } from '../../../lib/data';

export function generateStaticParams() {
  return categories.map((category) => ({ category }));
}

export default function CategoryLayout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>;
}
