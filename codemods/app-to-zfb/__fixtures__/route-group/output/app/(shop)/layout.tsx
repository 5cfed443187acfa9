export const dynamicParams = false;

export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return <div className="shop">{children}</div>;
}
