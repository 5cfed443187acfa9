import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFixture, readJson } from '../helpers/engines.js';
import { builtFixture } from '../helpers/ground-truth.js';
import { runCli } from '../helpers/cli.js';
import { filesBelow, pageFacts } from './compare.js';

/**
 * The pages router's 404 page with i18n: next build renders it once per locale, each with its locale's
 * getStaticProps, to `.next/server/pages/<locale>/404.html`. zfb-next writes the same pages: the default
 * locale's at `404.html` (and `en/404.html`), the others at `<locale>/404.html`. Both sides are engine
 * output; the fixture's 404 page shows its locale in the text and the title.
 */

const FIXTURE = 'build-pages-i18n-404';
const LOCALES = ['en', 'de', 'fr'];

describe.each(['zfb', 'next-export'] as const)('fixtures/build-pages-i18n-404, --layout %s', (layout) => {
  let nextPages: string;
  let out: string;
  let build: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const dir = copyFixture(FIXTURE, `build-locale-404-${layout}`);
    out = path.join(dir, layout === 'zfb' ? 'dist' : 'out');
    [build, nextPages] = await Promise.all([runCli(['build', dir, '--layout', layout]), builtFixture(FIXTURE).then((truth) => path.join(truth.dir, '.next/server/pages'))]);
  });

  test('the build succeeds', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  test('next build wrote a 404 page per locale, each in its language', () => {
    expect(filesBelow(nextPages).filter((f) => f.endsWith('404.html'))).toEqual(['de/404.html', 'en/404.html', 'fr/404.html']);
    expect(pageFacts(path.join(nextPages, 'de/404.html')).title).toBe('Nicht gefunden (de)');
  });

  test.each(LOCALES)("the %s 404 page has the text, title and lang of next build's", (locale) => {
    const expected = pageFacts(path.join(nextPages, `${locale}/404.html`));
    expect(pageFacts(path.join(out, `${locale}/404.html`))).toEqual(expected);
    if (locale === 'en') expect(pageFacts(path.join(out, '404.html'))).toEqual(expected);
  });

  test('the 404 pages are every 404 file written', () => {
    expect(filesBelow(out).filter((f) => f.endsWith('404.html'))).toEqual(['404.html', 'de/404.html', 'en/404.html', 'fr/404.html']);
  });

  if (layout === 'zfb') {
    test('__zfb/routes.json lists pages only, as before: no 404 page in it', () => {
      const manifest = readJson<{ routes: { url: string; output: string }[] }>(path.join(out, '__zfb/routes.json'));
      expect(manifest.routes.map((r) => r.url).sort()).toEqual(['/de', '/en', '/fr']);
      expect(manifest.routes.some((r) => r.output.includes('404'))).toBe(false);
    });
  } else {
    test('no __zfb folder in the next-export layout', () => {
      expect(existsSync(path.join(out, '__zfb'))).toBe(false);
    });
  }
});

describe('fixtures/next-pages-not-found-i18n: no pages/404, so Next.js default 404 page per locale', () => {
  let nextPages: string;
  let out: string;
  let build: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const dir = copyFixture('next-pages-not-found-i18n', 'build-locale-404');
    out = path.join(dir, 'dist');
    [build, nextPages] = await Promise.all([runCli(['build', dir]), builtFixture('next-pages-not-found-i18n').then((truth) => path.join(truth.dir, '.next/server/pages'))]);
  });

  test("each locale's 404 page has the text, title and lang of next build's", () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(filesBelow(nextPages).filter((f) => f.endsWith('404.html'))).toEqual(['en/404.html', 'fr/404.html']);
    expect(filesBelow(out).filter((f) => f.endsWith('404.html'))).toEqual(['404.html', 'en/404.html', 'fr/404.html']);
    for (const locale of ['en', 'fr']) expect({ locale, ...pageFacts(path.join(out, `${locale}/404.html`)) }).toEqual({ locale, ...pageFacts(path.join(nextPages, `${locale}/404.html`)) });
    expect(pageFacts(path.join(out, 'fr/404.html')).lang).toBe('fr');
  });
});
