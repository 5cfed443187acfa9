export default function CategoryLayout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>;
}
