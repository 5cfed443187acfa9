/* @zfb-next-todo: dynamicParams is true (the default): Next rendered unlisted URLs on their first request; zfb builds only the URLs paths() lists, the others now get a 404 */
// zfb built only the URLs paths() listed: every other URL is a 404 here too.
export const dynamicParams = false;

/** Renders the zfb component with what zfb gives it: the params, as a plain object. */
export default async function Page({ params }: { params: Promise<Record<string, any>> }) {
  return <Docs {...({ params: await params } as any)} />;
}
async function Docs({ params }: { params: { lang: string } }) {
  const { lang } = params;
  return <p lang={lang}>docs</p>;
}
