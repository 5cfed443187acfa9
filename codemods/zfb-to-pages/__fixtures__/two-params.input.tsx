const langs = ['en', 'ja'];
const slugs = ['intro', 'setup'];

export function paths() {
  return langs.flatMap((lang) => slugs.map((slug) => ({ params: { lang, slug }, props: { label: `${lang}:${slug}` } })));
}

export default function Page({ label }: { label: string }) {
  return <p>{label}</p>;
}
