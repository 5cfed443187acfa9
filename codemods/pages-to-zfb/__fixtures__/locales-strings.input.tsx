import type { GetStaticPaths, GetStaticProps } from 'next';
import { allPosts } from '../../lib/posts';

// Prefixed strings (any letter case), an unprefixed one (the default locale) and a computed list.
export const getStaticPaths: GetStaticPaths = async ({ locales }) => {
  return {
    paths: ['/fr/blog/bonjour', '/FR/blog/salut/', '/blog/welcome', ...allPosts.map((p) => `/${p.locale}/blog/${p.slug}`)],
    fallback: false,
  };
};

export const getStaticProps: GetStaticProps = async ({ params, locale, defaultLocale }) => {
  return { props: { slug: params!.slug, locale, isDefault: locale === defaultLocale } };
};

export default function Post({ slug, locale }: { slug: string; locale: string }) {
  return <p lang={locale}>{slug}</p>;
}
