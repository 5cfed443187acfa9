export default function DocsLayout({ children }: { children: React.ReactNode }) {
  return <main className="docs">{children}</main>;
}
