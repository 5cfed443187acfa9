import { expect, it } from 'vitest';
import pagesToApp from './index.js';

const PAGE = `export async function getStaticPaths() {
  return { paths: [{ params: { locale: 'x', slug: 'a' } }], fallback: false };
}

export async function getStaticProps() {
  return { props: {} };
}

export default function Page() {
  return <p>page</p>;
}
`;

const i18n = { locales: ['en', 'fr'], defaultLocale: 'en' };

it('with i18n, a page whose route has its own [locale] param is skipped, not moved to app/[locale]/[locale]/', () => {
  const result = pagesToApp({ path: 'pages/[locale]/[slug].tsx', source: PAGE, i18n, readFile: () => undefined });
  expect(result).toEqual({
    source: null,
    markers: [],
    skipped: 'the route already has a [locale] param, and with i18n the page moves under app/[locale]/: rename the param first',
  });
  // Without i18n the param is the page's own, and the page moves as it is.
  expect(pagesToApp({ path: 'pages/[locale]/[slug].tsx', source: PAGE, readFile: () => undefined }).outputPath).toBe('app/[locale]/[slug]/page.tsx');
});
