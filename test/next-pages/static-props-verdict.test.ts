import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { judgeStaticProps, staticPropsContexts } from '../../src/sources/next-pages-static-props.js';

/**
 * One judgement of a getStaticProps answer serves the route model and the build's renderer
 * (sources/next-pages-static-props.ts). Its order and words are server/render.tsx `renderToHTMLImpl`'s while
 * prerendering; the words are checked against the installed next@16.4.6's own file, so that a release that
 * rewords them fails here.
 */

const renderJs = readFileSync(createRequire(import.meta.url).resolve('next/dist/server/render.js'), 'utf8');
const constantsJs = readFileSync(createRequire(import.meta.url).resolve('next/dist/lib/constants.js'), 'utf8');

/** The fixed parts of a message (between the values it names) all appear in Next's source. */
function expectNextWords(message: string, values: string[]): void {
  let parts = [message];
  for (const value of values) parts = parts.flatMap((part) => part.split(value));
  for (const part of parts.flatMap((p) => p.split('\n')).map((p) => p.trim()).filter((p) => p.length > 3)) {
    // In Next's compiled template literals a backtick is written \`.
    const escaped = part.replace(/`/g, '\\`');
    expect([renderJs, constantsJs].some((source) => source.includes(part) || source.includes(escaped)), part).toBe(true);
  }
}

describe('judgeStaticProps', () => {
  test('a page, with its props', () => {
    expect(judgeStaticProps({ props: { a: 1 }, revalidate: false }, '/p/[id]', '/p/1')).toEqual({ kind: 'page', props: { a: 1 } });
  });

  test('notFound (any true value) is no page, except on /404', () => {
    expect(judgeStaticProps({ notFound: 1 }, '/p/[id]', '/p/1')).toEqual({ kind: 'not-found' });
    const on404 = judgeStaticProps({ notFound: true }, '/404', '/404');
    expect(on404).toMatchObject({ kind: 'error', code: 'GSP_PROPS_INVALID' });
    expectNextWords((on404 as { message: string }).message, []);
  });

  test('a redirect fails the build, after its values are checked; it wins over notFound', () => {
    const redirect = judgeStaticProps({ redirect: { destination: '/new', permanent: true }, notFound: true }, '/p/[id]', '/p/old');
    expect(redirect).toMatchObject({ kind: 'error', code: 'GSP_PROPS_REDIRECT' });
    expect((redirect as { message: string }).message).toContain('(/p/old)');
    expectNextWords((redirect as { message: string }).message, ['/p/old']);
    const invalid = judgeStaticProps({ redirect: { destination: 3, permanent: 'yes' } }, '/p/[id]', '/p/old');
    expect((invalid as { message: string }).message).toBe(
      'Invalid redirect object returned from getStaticProps for /p/old\n`permanent` must be `true` or `false` and `destination` should be string but received number\nSee more info here: https://nextjs.org/docs/messages/invalid-redirect-gssp',
    );
    expectNextWords((invalid as { message: string }).message, ['/p/old', 'number', ' and ', 'getStaticProps']);
    const both = judgeStaticProps({ redirect: { destination: '/x', permanent: true, statusCode: 301 } }, '/p/[id]', '/p/old');
    expect((both as { message: string }).message).toContain('`permanent` and `statusCode` can not both be provided');
  });

  test('no object, extra keys, and unstable_revalidate, in Next’s words', () => {
    for (const [data, values] of [[undefined, []], [{ props: {}, title: 'x' }, ['getStaticProps', 'invalid-getstaticprops-value', 'title']], [{ unstable_revalidate: 1 }, []]] as const) {
      const verdict = judgeStaticProps(data, '/p', '/p');
      expect(verdict).toMatchObject({ kind: 'error', code: 'GSP_PROPS_INVALID' });
      expectNextWords((verdict as { message: string }).message, [...values]);
    }
  });
});

describe('staticPropsContexts', () => {
  test('a dynamic page: params from the URL first, then the locales (an empty list without i18n)', () => {
    const { context, updatedPath } = staticPropsContexts('/p/[id]')({ url: '/p/a%20b', params: { id: 'ignored' } });
    expect(Object.keys(context)).toEqual(['params', 'locales', 'locale', 'defaultLocale', 'revalidateReason']);
    expect(context).toEqual({ params: { id: 'a b' }, locales: [], locale: undefined, defaultLocale: undefined, revalidateReason: 'build' });
    expect(updatedPath).toBe('/p/a%20b');
  });

  test('with i18n: the locale taken off the path, and no params key on a static page', () => {
    const { context, updatedPath } = staticPropsContexts('/about', { locales: ['en', 'fr'], defaultLocale: 'en' })({ url: '/fr/about', params: {}, locale: 'fr' });
    expect(Object.keys(context)).toEqual(['locales', 'locale', 'defaultLocale', 'revalidateReason']);
    expect(context).toEqual({ locales: ['en', 'fr'], locale: 'fr', defaultLocale: 'en', revalidateReason: 'build' });
    expect(updatedPath).toBe('/about');
  });
});
