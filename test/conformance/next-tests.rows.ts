import type { Unmatched } from '../../src/model/types.js';

/**
 * Assertions of Next.js's own tests about which URLs a build prerenders and what an unlisted URL gets,
 * each reproduced by our own fixture (fixtures/conformance-*) and checked against a real `next build` of
 * it and against the model (next-tests.test.ts). The table in test/README.md lists the same rows.
 */

/** What Next does with a URL of the route that the build did not list. */
export type Expected =
  | Unmatched
  /** Absent from the prerender manifest (`ƒ`): every URL is rendered on request. */
  | 'on-request'
  /** A pages-router page with no data function: one prerendered shell serves every URL. */
  | 'shell'
  /** An intercepting route: no URL of its own, only a rewrite target for client-side navigations. */
  | 'intercepting';

export interface Row {
  id: string;
  /** The Next.js test (path in vercel/next.js) that makes the assertion. */
  next: string;
  /** What it asserts, in our words. */
  assertion: string;
  fixture: string;
  /** The route of our fixture that reproduces it. */
  route: string;
  /** Every URL the build prerenders for the route (left out where the assertion is only about `unlisted`). */
  urls?: string[];
  unlisted?: Expected;
}

const APP_STATIC = 'test/e2e/app-dir/app-static/app-static.test.ts';
const PARALLEL_GSP = 'test/e2e/app-dir/parallel-routes-generate-static-params/parallel-routes-generate-static-params.test.ts';
const INTERCEPTION = 'packages/next/src/shared/lib/router/utils/interception-routes.test.ts';
const APP_UNIT = 'packages/next/src/build/static-paths/app.test.ts';
const CACHE_COMPONENTS = 'test/e2e/app-dir/cache-components/cache-components.params.test.ts';
const PRERENDER = 'test/e2e/prerender.test.ts';
const OPTIONAL = 'test/integration/dynamic-optional-routing/test/index.test.ts';
const ROOT_OPTIONAL = 'test/integration/root-optional-revalidate/test/index.test.ts';
const I18N = 'test/integration/i18n-support/test/shared.ts';

const APP = 'conformance-app';
const CC = 'conformance-app-cache-components';
const PAGES = 'conformance-pages';
const PAGES_I18N = 'conformance-pages-i18n';

export const ROWS: Row[] = [
  { id: 'A01', next: APP_STATIC, fixture: APP, route: '/authors/[author]',
    assertion: 'prerender-manifest: `/blog/[author]` lists the authors of its layout\'s generateStaticParams; "should handle dynamicParams: false correctly": other authors 404',
    urls: ['/authors/ann', '/authors/bo', '/authors/cy'], unlisted: 'not-found' },
  { id: 'A02', next: APP_STATIC, fixture: APP, route: '/authors/[author]/[post]',
    assertion: 'prerender-manifest: `/blog/[author]/[slug]` has the posts its page\'s generateStaticParams returns for each author; `fallback: null`',
    urls: ['/authors/ann/hello', '/authors/bo/one', '/authors/bo/two', '/authors/cy/x'], unlisted: 'blocking' },
  { id: 'A03', next: APP_STATIC, fixture: APP, route: '/pinned/[slug]',
    assertion: '`/force-static/[slug]`: generated slugs prerendered; "should honor dynamic = force-static (lazy)": an unlisted slug renders',
    urls: ['/pinned/a', '/pinned/b'], unlisted: 'blocking' },
  { id: 'A04', next: APP_STATIC, fixture: APP, route: '/unique/[...parts]',
    assertion: '`/gen-params-catch-all-unique/[...slug]`: a catch-all value listed twice is prerendered once; `fallback: false`',
    urls: ['/unique/x/x', '/unique/x/y'], unlisted: 'not-found' },
  { id: 'A05', next: APP_STATIC, fixture: APP, route: '/lang-closed/[lang]/[slug]',
    assertion: '`/partial-gen-params-no-additional-lang/[lang]/[slug]`: `dynamicParams = false` on the `[lang]` layout; every lang × slug prerendered, `fallback: false`',
    urls: ['/lang-closed/en/first', '/lang-closed/en/second', '/lang-closed/fr/first', '/lang-closed/fr/second'], unlisted: 'not-found' },
  { id: 'A06', next: APP_STATIC, fixture: APP, route: '/slug-closed/[lang]/[slug]',
    assertion: '`/partial-gen-params-no-additional-slug/[lang]/[slug]`: `dynamicParams = false` on the `[slug]` page; `fallback: false`',
    urls: ['/slug-closed/en/first', '/slug-closed/en/second', '/slug-closed/fr/first', '/slug-closed/fr/second'], unlisted: 'not-found' },
  { id: 'A07', next: APP_STATIC, fixture: APP, route: '/layout-closed/[locale]/[slug]',
    assertion: '"should respond correctly for dynamic route with dynamicParams false in layout": `/partial-params-false/en/another` answers 200; the route has no manifest entry',
    urls: [], unlisted: 'on-request' },
  { id: 'A08', next: APP_STATIC, fixture: APP, route: '/layout-closed/[locale]/fixed',
    assertion: '`/partial-params-false/[locale]/static`: one URL per locale of the layout, `fallback: false`; "partially dynamic route": a listed URL answers 200',
    urls: ['/layout-closed/de/fixed', '/layout-closed/en/fixed'], unlisted: 'not-found' },
  { id: 'A09', next: APP_STATIC, fixture: APP, route: '/no-params/[slug]',
    assertion: '`/dynamic-no-gen-params/[slug]`: no generateStaticParams, so no prerendered output and no manifest entry',
    urls: [], unlisted: 'on-request' },
  { id: 'A10', next: APP_STATIC, fixture: APP, route: '/opt-root/[[...route]]',
    assertion: '`/ssg-draft-mode/[[...route]]`: the optional catch-all prerenders its base path and each listed value',
    urls: ['/opt-root', '/opt-root/test', '/opt-root/test/deep'], unlisted: 'blocking' },
  { id: 'A11', next: APP_STATIC, fixture: APP, route: '/gone/[slug]',
    assertion: '"should have correct cache tags for prerendered path": `/prerendered-not-found/first`, whose page calls notFound() at build time, is still written (status 404)',
    urls: ['/gone/first', '/gone/second'], unlisted: 'blocking' },
  { id: 'A12', next: APP_STATIC, fixture: APP, route: '/error-mode/[id]',
    assertion: '`/dynamic-error/[id]`: `dynamic = \'error\'` without generateStaticParams is recorded (`fallback: null`) with no URL',
    urls: [], unlisted: 'blocking' },
  { id: 'A13', next: APP_STATIC, fixture: APP, route: '/forced-static/[id]',
    assertion: '`/static-to-dynamic-error-forced/[id]` (`force-static`, no generateStaticParams): `fallback: null`; "should not error with dynamic server usage with force-static": an unlisted id answers 200',
    urls: [], unlisted: 'blocking' },
  { id: 'A14', next: APP_STATIC, fixture: APP, route: '/always-dynamic/[id]',
    assertion: '`/force-dynamic-prerender/[slug]`: `dynamic = \'force-dynamic\'` beside a generateStaticParams prerenders nothing (only `page.js` in the output)',
    urls: [], unlisted: 'on-request' },
  { id: 'A15', next: APP_STATIC, fixture: APP, route: '/always-dynamic-bare/[id]',
    assertion: '`/force-dynamic-no-prerender/[id]`: "this should not attempt prerendering with force-dynamic"',
    urls: [], unlisted: 'on-request' },
  { id: 'A16', next: PARALLEL_GSP, fixture: APP, route: '/pr/[locale]',
    assertion: 'the `[locale]` layout\'s generateStaticParams prerenders the home page per locale (`/en`)',
    urls: ['/pr/de', '/pr/en', '/pr/fr'], unlisted: 'blocking' },
  { id: 'A17', next: PARALLEL_GSP, fixture: APP, route: '/pr/[locale]/photo/[id]',
    assertion: '`/en/interception/123` is a page of its own (what the modal intercepts)',
    urls: ['/pr/de/photo/123', '/pr/en/photo/123', '/pr/fr/photo/123'], unlisted: 'blocking' },
  { id: 'A18', next: PARALLEL_GSP, fixture: APP, route: '/pr/[locale]/(.)photo/[id]',
    assertion: '`@modal/(.)interception/[id]` renders only in the modal, on a client-side navigation: no URL of its own',
    unlisted: 'intercepting' },
  { id: 'A19', next: PARALLEL_GSP, fixture: APP, route: '/pr/[locale]/plain/[id]',
    assertion: '`/en/no-interception/123` renders the children page; `@modal/no-interception/[id]` is a slot of the same route',
    urls: ['/pr/de/plain/7', '/pr/en/plain/7', '/pr/fr/plain/7'], unlisted: 'blocking' },
  { id: 'A20', next: INTERCEPTION, fixture: APP, route: '/ix/feed/(..)pic/[id]',
    assertion: '`extractInterceptionRouteInformation`: `(..)` intercepts one level up (`/ix/pic/[id]`); its generateStaticParams output is a rewrite target only',
    unlisted: 'intercepting' },
  { id: 'A21', next: INTERCEPTION, fixture: APP, route: '/ix/a/b/(..)(..)deep/[id]',
    assertion: '`(..)(..)` intercepts two levels up (`/ix/deep/[id]`)',
    unlisted: 'intercepting' },
  { id: 'A22', next: INTERCEPTION, fixture: APP, route: '/ix/feed/(...)top',
    assertion: '`(...)` intercepts from the root (`/top`)',
    unlisted: 'intercepting' },
  { id: 'A23', next: APP_UNIT, fixture: APP, route: '/i18n/[lang]/[region]/[page]',
    assertion: '`generateRouteStaticParams` real-world: 3 languages × 2 regions × 2 pages = 12 combinations',
    urls: ['de', 'en', 'fr'].flatMap((l) => [1, 2].flatMap((r) => ['about', 'home'].map((p) => `/i18n/${l}/${l}-${r}/${p}`))),
    unlisted: 'blocking' },
  { id: 'A24', next: APP_UNIT, fixture: APP, route: '/shop/[category]/[item]',
    assertion: 'real-world e-commerce: each category\'s products from a child generateStaticParams called with the parent params',
    urls: ['/shop/books/atlas', '/shop/books/novel', '/shop/games/chess'], unlisted: 'blocking' },
  { id: 'A25', next: APP_UNIT, fixture: APP, route: '/docs/[[...slug]]',
    assertion: 'real-world: optional catch-all with `slug: []` for the base path',
    urls: ['/docs', '/docs/guide/setup', '/docs/intro'], unlisted: 'blocking' },
  { id: 'A26', next: APP_UNIT, fixture: APP, route: '/passthru/[a]/[b]',
    assertion: 'a child returning `[]` for one parent passes that parent through; the route then lacks `b` in one params object and prerenders nothing',
    urls: [], unlisted: 'blocking' },
  { id: 'A27', next: APP_UNIT, fixture: APP, route: '/override/[a]/[b]',
    assertion: 'inheritance: a child\'s params are merged over the parent\'s, the child winning a shared key',
    urls: ['/override/from-layout/kept', '/override/replaced/won'], unlisted: 'blocking' },
  { id: 'A28', next: APP_UNIT, fixture: APP, route: '/bottomup/[a]/[b]',
    assertion: 'basic: one generateStaticParams may return every key of the route',
    urls: ['/bottomup/p/q', '/bottomup/r/s'], unlisted: 'blocking' },
  { id: 'A29', next: APP_UNIT, fixture: APP, route: '/dupes/[id]',
    assertion: '`filterUniqueParams`: equal params objects are kept once',
    urls: ['/dupes/other', '/dupes/same'], unlisted: 'blocking' },
  { id: 'A30', next: APP_UNIT, fixture: APP, route: '/empty/[id]',
    assertion: 'empty: generateStaticParams returning `[]` gives no params (and, non-PPR, no error)',
    urls: [], unlisted: 'blocking' },
  { id: 'C01', next: CACHE_COMPONENTS, fixture: CC, route: '/params/[low]/[high]',
    assertion: '"should partially prerender pages that await params": `/params/semantics/one/build/…` (both layouts\' generateStaticParams) is prerendered at build time',
    urls: ['/params/one/build'] },
  { id: 'C02', next: CACHE_COMPONENTS, fixture: CC, route: '/params/[low]/[high]',
    assertion: '`/params/semantics/one/run/…` (not generated) is served from the static shell with the page streamed in',
    unlisted: 'fallback' },
  { id: 'C03', next: CACHE_COMPONENTS, fixture: CC, route: '/gsp/[slug]/page',
    assertion: '`/params/generate-static-params/[slug]/page`: the fallback shell first, then each generated path',
    urls: ['/gsp/one/page', '/gsp/two/page'], unlisted: 'fallback' },
  { id: 'P01', next: PRERENDER, fixture: PAGES, route: '/blog/[post]',
    assertion: '"outputs a prerender-manifest correctly": `/blog/[post]` has post-1, post-2, post-4, `post.1` and the literal `/blog/[post3]` of a string path; `fallback` is the page\'s `.html`',
    urls: ['/blog/[post3]', '/blog/post-1', '/blog/post-2', '/blog/post-4', '/blog/post.1'], unlisted: 'fallback' },
  { id: 'P02', next: PRERENDER, fixture: PAGES, route: '/blog/[post]/[comment]',
    assertion: '`/blog/[post]/[comment]`: object and string paths, fallback page',
    urls: ['/blog/post-1/comment-1', '/blog/post-2/comment-2'], unlisted: 'fallback' },
  { id: 'P03', next: PRERENDER, fixture: PAGES, route: '/catchall-explicit/[...slug]',
    assertion: '`/catchall-explicit/[...slug]`: string and array paths, bracketed values kept literally (`/[first]/[second]`, `/[third]/[fourth]`); `fallback: false`',
    urls: ['/catchall-explicit/[first]/[second]', '/catchall-explicit/[third]/[fourth]', '/catchall-explicit/another/value', '/catchall-explicit/first', '/catchall-explicit/hello/another', '/catchall-explicit/second'],
    unlisted: 'not-found' },
  { id: 'P04', next: PRERENDER, fixture: PAGES, route: '/catchall-optional/[[...slug]]',
    assertion: '`/catchall-optional/[[...slug]]`: `slug: []` is the base path; `fallback: false`',
    urls: ['/catchall-optional', '/catchall-optional/value'], unlisted: 'not-found' },
  { id: 'P05', next: PRERENDER, fixture: PAGES, route: '/dynamic/[slug]',
    assertion: '`/dynamic/[first]` (string path) and `/dynamic/[second]` (params) are literal URLs; `fallback: false`',
    urls: ['/dynamic/[first]', '/dynamic/[second]'], unlisted: 'not-found' },
  { id: 'P06', next: PRERENDER, fixture: PAGES, route: '/lang/[lang]/about',
    assertion: '`/lang/[lang]/about` for de, en, es, fr; `fallback: false`',
    urls: ['/lang/de/about', '/lang/en/about', '/lang/es/about', '/lang/fr/about'], unlisted: 'not-found' },
  { id: 'P07', next: PRERENDER, fixture: PAGES, route: '/blocking-fallback/[slug]',
    assertion: '`/blocking-fallback/[slug]`: listed paths prerendered, `fallback: null` (blocking)',
    urls: ['/blocking-fallback/lots-of-data', '/blocking-fallback/test-errors-1'], unlisted: 'blocking' },
  { id: 'P08', next: PRERENDER, fixture: PAGES, route: '/fallback-only/[slug]',
    assertion: '`/fallback-only/[slug]`: `paths: []` with `fallback: true` prerenders no URL, only the fallback page',
    urls: [], unlisted: 'fallback' },
  { id: 'P09', next: PRERENDER, fixture: PAGES, route: '/catchall/[...slug]',
    assertion: '`/catchall/[...slug]`: string and array paths, fallback page',
    urls: ['/catchall/another/value', '/catchall/first', '/catchall/hello/another', '/catchall/second'], unlisted: 'fallback' },
  { id: 'P10', next: PRERENDER, fixture: PAGES, route: '/user/[user]/profile',
    assertion: '`/user/[user]/profile`: a nested dynamic page with no paths, fallback page',
    urls: [], unlisted: 'fallback' },
  { id: 'P11', next: PRERENDER, fixture: PAGES, route: '/another',
    assertion: '`/another` (getStaticProps, no params) is in the manifest with `srcRoute: null`',
    urls: ['/another'] },
  { id: 'P12', next: PRERENDER, fixture: PAGES, route: '/blog',
    assertion: '`/blog` from `pages/blog/index.js` is prerendered at `/blog`',
    urls: ['/blog'] },
  { id: 'P13', next: PRERENDER, fixture: PAGES, route: '/normal',
    assertion: '"should of formatted build output correctly": `○ /normal` (no data function: static HTML)',
    urls: ['/normal'] },
  { id: 'P14', next: PRERENDER, fixture: PAGES, route: '/ssr',
    assertion: '`/ssr` (getServerSideProps) is not prerendered',
    urls: [] },
  { id: 'P15', next: OPTIONAL, fixture: PAGES, route: '/nested/[[...optionalName]]',
    assertion: '"should render catch-all nested route with no / single / multiple segments": no data function, one page for every URL',
    urls: [], unlisted: 'shell' },
  { id: 'P16', next: OPTIONAL, fixture: PAGES, route: '/get-static-paths/[[...slug]]',
    assertion: '"should handle getStaticPaths no segments / 1 segment / 2 segments"',
    urls: ['/get-static-paths', '/get-static-paths/p1', '/get-static-paths/p2/p3'], unlisted: 'not-found' },
  { id: 'P17', next: OPTIONAL, fixture: PAGES, route: '/get-static-paths-undefined/[[...slug]]',
    assertion: '"should match root path on undefined param"',
    urls: ['/get-static-paths-undefined'], unlisted: 'not-found' },
  { id: 'P18', next: OPTIONAL, fixture: PAGES, route: '/get-static-paths-false/[[...slug]]',
    assertion: '"should match root path on false param"',
    urls: ['/get-static-paths-false'], unlisted: 'not-found' },
  { id: 'P19', next: OPTIONAL, fixture: PAGES, route: '/get-static-paths-null/[[...slug]]',
    assertion: '"should match root path on null param"',
    urls: ['/get-static-paths-null'], unlisted: 'not-found' },
  { id: 'P20', next: OPTIONAL, fixture: PAGES, route: '/get-static-paths-fallback/[[...slug]]',
    assertion: '"should handle getStaticPaths with fallback no segments / 2 segments", "should fallback correctly when fallback enabled"',
    urls: ['/get-static-paths-fallback', '/get-static-paths-fallback/p2/p3'], unlisted: 'fallback' },
  { id: 'P21', next: OPTIONAL, fixture: PAGES, route: '/api/post/[[...slug]]',
    assertion: '"should match catch-all api route …": an API route, answered on request, never prerendered',
    urls: [], unlisted: 'on-request' },
  { id: 'P22', next: ROOT_OPTIONAL, fixture: PAGES, route: '/[[...slug]]',
    assertion: '"should render / correctly" (`slug: false`), "/a", "/hello/world"',
    urls: ['/', '/a', '/hello/world'], unlisted: 'not-found' },
  { id: 'I01', next: I18N, fixture: PAGES_I18N, route: '/',
    assertion: '"should output correct prerender-manifest": the index page once per locale (`/en-US`, `/fr`, …), no trailing slash',
    urls: ['/en-US', '/fr', '/nl-NL'] },
  { id: 'I02', next: I18N, fixture: PAGES_I18N, route: '/gsp',
    assertion: '`/gsp` (getStaticProps) in every locale',
    urls: ['/en-US/gsp', '/fr/gsp', '/nl-NL/gsp'] },
  { id: 'I03', next: I18N, fixture: PAGES_I18N, route: '/frank',
    assertion: '`/frank` in every locale',
    urls: ['/en-US/frank', '/fr/frank', '/nl-NL/frank'] },
  { id: 'I04', next: I18N, fixture: PAGES_I18N, route: '/gsp/fallback/[slug]',
    assertion: '`/gsp/fallback/[slug]`: `first`, `second` in the default locale only, `always` in every locale (from the `locales` argument); fallback page',
    urls: ['/en-US/gsp/fallback/always', '/en-US/gsp/fallback/first', '/en-US/gsp/fallback/second', '/fr/gsp/fallback/always', '/nl-NL/gsp/fallback/always'],
    unlisted: 'fallback' },
  { id: 'I05', next: I18N, fixture: PAGES_I18N, route: '/gsp/no-fallback/[slug]',
    assertion: '`/gsp/no-fallback/[slug]`: the default locale unless an entry names one (`nl-NL/second`); `fallback: false`',
    urls: ['/en-US/gsp/no-fallback/first', '/en-US/gsp/no-fallback/second', '/fr/gsp/no-fallback/third', '/nl-NL/gsp/no-fallback/second'],
    unlisted: 'not-found' },
  { id: 'I06', next: I18N, fixture: PAGES_I18N, route: '/not-found/fallback/[slug]',
    assertion: '`/not-found/fallback/[slug]`: listed paths are in the manifest even where getStaticProps returns `notFound`',
    urls: ['/en-US/not-found/fallback/first', '/fr/not-found/fallback/second'], unlisted: 'fallback' },
  { id: 'I07', next: I18N, fixture: PAGES_I18N, route: '/not-found/blocking-fallback/[slug]',
    assertion: '`/not-found/blocking-fallback/[slug]`: the same with `fallback: \'blocking\'`',
    urls: ['/en-US/not-found/blocking-fallback/first'], unlisted: 'blocking' },
];
