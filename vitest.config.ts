import { defineConfig } from 'vitest/config';

/**
 * Two projects. `fast` (what `npm test` runs) is every unit and differential test: no real `next build`,
 * `zfb build` or browser, so it needs nothing but `npm install`. `engines` holds every test that runs a
 * real engine or Chromium; `npm run test:full` (and CI, .ci/run) runs both. A new test that runs an engine
 * belongs in ENGINE_TESTS (test/test-split.test.ts checks that it is there).
 */
export const ENGINE_TESTS = [
  'test/conformance/**/*.test.ts',
  'test/zfb/conformance.test.ts',
  'test/report/real-builds.test.ts',
  'test/report/next-build-readers.test.ts',
  'test/report/html-browser.test.ts',
  'test/codemod/engine-semantics.test.ts',
  'test/codemod/semantic.test.ts',
  'test/codemod/zfb-semantic.test.ts',
  'test/codemod/pages-to-app-i18n.test.ts',
  'test/codemod/round-trips.test.ts',
  'test/codemod/app-root-layout.test.ts',
  'test/codemod/node-helpers.test.ts',
  'test/codemod/zfb-static-props.test.ts',
  'test/load/load-failures.test.ts',
  'test/load/next-config.test.ts',
  'test/build/browser.test.ts',
  'test/build/real-builds.test.ts',
  'test/build/locale-404.test.ts',
  'test/migrate/app-site.test.ts',
  'test/migrate/pages-blog.test.ts',
  'test/migrate/mixed-i18n.test.ts',
  'test/migrate/redirects.test.ts',
  'test/migrate/mdx.test.ts',
  'test/migrate/fonts.test.ts',
  'test/migrate/tailwind-image.test.ts',
  'test/migrate/verify.test.ts',
  'test/migrate/metadata-routes.test.ts',
];

// Builds by other Next.js releases: `npm run test:versions` (vitest.versions.config.ts).
const ELSEWHERE = ['test/versions/**', '**/node_modules/**'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // User modules are run with the project root as cwd (process.chdir), which worker threads forbid.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts', 'codemods/**/*.test.ts'], exclude: [...ENGINE_TESTS, ...ELSEWHERE] } },
      { extends: true, test: { name: 'engines', include: ENGINE_TESTS } },
    ],
  },
});
