import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { SHADOWED_404 } from '../../src/migrate/run.js';
import { diffBuilds, expectSameSite, migrateFixture, snapshotTree, viewOf } from './helpers.js';

// A mixed site with i18n (fixtures/migrate-mixed-i18n): translated marketing pages in pages/ (next.config
// i18n en/fr, default en; _app with global CSS and a header reading useRouter().locale, a class _document
// whose <Html lang> is the page's locale, a home page and a [slug] page whose getStaticProps read per-locale
// JSON and markdown with fs and answer notFound for an untranslated guide, a static page, a custom 404) beside English-only developer docs in app/ (root
// layout, a title template, generateStaticParams with dynamicParams = false, generateMetadata). Built by the
// real next build, migrated, then built by the real zfb build.
let source: string;
let out: string;
let report: MigrationReport;
let before: Map<string, string>;
let zfbStderr: string;

beforeAll(async () => {
  ({ source, out, report, before, zfbStderr } = await migrateFixture('migrate-mixed-i18n'));
});

describe('migrate: a mixed pages + app site with i18n', () => {
  it('leaves the source as it was', () => {
    expect(snapshotTree(source)).toEqual(before);
  });

  it('keeps every URL the Next.js build lists: each locale of the pages, the docs unprefixed', () => {
    expect(zfbStderr).not.toContain('⚠');
    expect(report.urls.lost).toEqual([]);
    expect(report.urls.after).toEqual([
      '/docs',
      '/docs/booking-api',
      '/docs/webhooks',
      '/en',
      '/en/about',
      '/en/guides/lake-annecy-by-bike',
      '/en/guides/tour-du-mont-blanc',
      '/fr',
      '/fr/about',
      '/fr/guides/tour-du-mont-blanc',
    ]);
    // getStaticPaths lists every guide in every locale; getStaticProps answers notFound for the one not
    // translated into French: Next wrote no page for it, and neither does zfb (paths() leaves it out).
    expect(report.diagnostics).toEqual([
      {
        severity: 'info',
        code: 'GSP_NOT_FOUND',
        file: 'pages/guides/[slug].tsx',
        function: 'getStaticProps',
        message: 'getStaticProps returned notFound for /fr/guides/lake-annecy-by-bike: next build writes no page for it (prerender-manifest notFoundRoutes), the URL answers 404, and it is not listed',
      },
    ]);
    expect(existsSync(path.join(source, '.next/server/pages/fr/guides/lake-annecy-by-bike.html'))).toBe(false);
    expect(existsSync(path.join(out, 'dist/fr/guides/lake-annecy-by-bike'))).toBe(false);
    expect(readFileSync(path.join(out, 'dist/robots.txt'), 'utf8')).toBe(readFileSync(path.join(source, 'public/robots.txt'), 'utf8'));
  });

  it('shows the same text, title and language on every page as the Next.js build', async () => {
    const pair = await expectSameSite(source, out, report);
    expect(pair.pages.map((p) => p.url).sort()).toEqual(report.urls.after);
    const view = (url: string) => pair.pages.find((p) => p.url === url)!.zfb;
    // Per-locale markdown and JSON read with fs; <Html lang> from the _document's this.props.locale.
    expect(view('/fr/guides/tour-du-mont-blanc')).toMatchObject({ title: 'Le Tour du Mont-Blanc | Northwind Voyages', lang: 'fr' });
    expect(view('/fr/guides/tour-du-mont-blanc').text).toContain('Accueil Qui sommes-nous Documentation EN');
    // A page without data follows useRouter().locale.
    expect(view('/fr/about')).toMatchObject({ title: 'Qui sommes-nous | Northwind', lang: 'fr' });
    expect(view('/en')).toMatchObject({ title: 'Northwind Travel: Small-group trips through the Alps.', lang: 'en' });
    // The app router has no i18n: the root layout's own <html lang>, and its title template.
    expect(view('/docs/webhooks')).toMatchObject({ title: 'Webhooks | Northwind Developers', lang: 'en' });
  });

  it("answers a missing URL with the app router's not-found page, as Next.js does beside app/, not with pages/404", () => {
    // next build copied app/_not-found.html (Next's built-in page in the root layout) over pages/404.html.
    const nextNotFound = readFileSync(path.join(source, '.next/server/pages/404.html'), 'utf8');
    expect(nextNotFound).toBe(readFileSync(path.join(source, '.next/server/app/_not-found.html'), 'utf8'));
    const zfb = viewOf(readFileSync(path.join(out, 'dist/404.html'), 'utf8'));
    expect(zfb).toEqual(viewOf(nextNotFound));
    expect(zfb).toEqual({ text: 'Northwind Developers Northwind Travel Docs 404 This page could not be found.', title: 'Northwind Developers', lang: 'en' });
    expect(report.notMigrated).toContainEqual({ file: 'pages/404.tsx', reason: SHADOWED_404, keptAs: 'pages/_404.tsx' });
    expect(readFileSync(path.join(out, 'pages/_404.tsx'), 'utf8')).toBe(readFileSync(path.join(source, 'pages/404.tsx'), 'utf8'));
    expect(report.routes.find((r) => r.pattern === '/404')).toMatchObject({ api: 'getStaticProps', target: [], transform: 'none', errors: [SHADOWED_404] });
    const notFound = report.routes.find((r) => r.pattern === '/_not-found')!;
    expect(notFound).toMatchObject({ source: ['app/layout.tsx'], target: ['pages/404.tsx'], transform: 'app-to-zfb' });
  });

  it('moves the translated pages under pages/[locale]/ and marks the unprefixed default-locale URLs zfb does not build', () => {
    const routes = Object.fromEntries(report.routes.map((r) => [r.pattern, r]));
    expect(routes['/']!.target).toEqual(['pages/[locale]/index.tsx']);
    expect(routes['/about']!.target).toEqual(['pages/[locale]/about.tsx']);
    expect(routes['/guides/[slug]']).toMatchObject({ api: 'getStaticPaths+getStaticProps', target: ['pages/[locale]/guides/[slug].tsx'], urls: { before: 3, after: 3 } });
    expect(routes['/docs/[slug]']).toMatchObject({ api: 'generateStaticParams', target: ['pages/docs/[slug].tsx'], lossy: [] });
    // A real next start of this fixture answers /, /about and /guides/tour-du-mont-blanc with the bytes of
    // /en, /en/about and /en/guides/tour-du-mont-blanc. The Next.js build lists only the prefixed URLs (and so
    // do the route model and zfb-next diff), so urls.lost is empty: what visitors lose is a marker on each
    // translated route.
    const unprefixed = (url: string, prefixed: string) =>
      `Next also served the default locale 'en' without its prefix, at ${url} beside ${prefixed}; zfb builds only ${prefixed}, so ${url} now gets a 404 unless your host redirects it (e.g. public/_redirects)`;
    expect(Object.fromEntries(report.routes.map((r) => [r.pattern, r.markers.map((m) => m.reason)]))).toEqual({
      '/': [
        unprefixed('/', '/en'),
        'Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); zfb writes static files and detects no locale: link to each locale from a page of your own',
      ],
      '/about': [unprefixed('/about', '/en/about')],
      '/guides/[slug]': [unprefixed('/guides/[slug]', '/en/guides/[slug]')],
      '/404': [],
      '/docs': [],
      '/docs/[slug]': [],
      '/_not-found': [],
    });
    expect(report.routes.flatMap((r) => r.lossy.map((l) => `${r.pattern}: ${l.kind}`))).toEqual(['/: i18n', '/about: i18n', '/guides/[slug]: i18n']);
  });

  it('links only to pages the zfb build wrote, but the unprefixed / the marker names', () => {
    // next/link on a translated page put the page's locale in front of the href (the default one too: zfb
    // serves the prefixed URLs only); <Link locale={false}> to the docs stays /docs. The root layout's plain
    // <a href="/"> reached the 'en' home on Next; zfb has no page there.
    const dist = path.join(out, 'dist');
    const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
    const broken = new Set<string>();
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
      for (const [, href] of readFileSync(path.join(dist, file), 'utf8').matchAll(/href="(\/[^"]*)"/g)) {
        if (!isFile(path.join(dist, href!)) && !isFile(path.join(dist, href!, 'index.html'))) broken.add(`${href} (${file})`);
      }
    }
    expect([...broken].sort()).toEqual(['/ (404.html)', '/ (docs/booking-api/index.html)', '/ (docs/index.html)', '/ (docs/webhooks/index.html)']);
    expect(readFileSync(path.join(dist, 'fr/index.html'), 'utf8')).toContain('href="/fr/guides/tour-du-mont-blanc"');
  });

  it('keeps the global CSS both routers import, once', () => {
    const html = readFileSync(path.join(out, 'dist/fr/about/index.html'), 'utf8');
    expect(html).toContain('<body class="locale-fr">');
    const stylesheet = /href="(\/assets\/styles-[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const css = readFileSync(path.join(out, 'dist', stylesheet!), 'utf8');
    expect(css.match(/--brand: #2b6cb0/g)).toHaveLength(1);
    expect(readFileSync(path.join(out, 'dist/docs/index.html'), 'utf8')).toContain(stylesheet!);
  });

  it('zfb-next diff between the two builds reports no removed URL and no changed text', async () => {
    const diff = await diffBuilds(source, out);
    expect(diff.counts).toMatchObject({ removed: 0, textChanged: 0, textCompared: 10 });
    expect(diff.exitCode).toBe(0);
  });
});
