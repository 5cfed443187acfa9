export async function generateStaticParams() {
  return [
    /* @zfb-next-todo: locale "fr" dropped: the app router has no i18n config; move the page under a [locale] segment */ { slug: 'hello' },
    { slug: 'world' },
  ];
}

export const dynamicParams = false;

export default function Page() {
  return <p>hi</p>;
}
