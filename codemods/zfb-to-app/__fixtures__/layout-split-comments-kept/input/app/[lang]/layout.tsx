export async function generateStaticParams() {
  return [{ lang: 'en' }, { lang: 'ja' }];
}

export default function LangLayout({ children }: { children: React.ReactNode }) {
  return children;
}
