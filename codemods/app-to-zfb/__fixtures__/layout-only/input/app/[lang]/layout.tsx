export async function generateStaticParams() {
  return [{ lang: 'en' }, { lang: 'ja' }];
}

export const dynamicParams = false;

export default function LangLayout({ children }: { children: React.ReactNode }) {
  return children;
}
