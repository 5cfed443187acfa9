export function generateStaticParams() {
  return [{ lang: 'en' }, { lang: 'de' }];
}

export default function DocsLayout({ children }: { children: React.ReactNode }) {
  return <main>{children}</main>;
}
