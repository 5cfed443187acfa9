import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'codemods/**/*.test.ts'],
    // Builds by other Next.js releases: `npm run test:versions` (vitest.versions.config.ts).
    exclude: ['test/versions/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // User modules are run with the project root as cwd (process.chdir), which worker threads forbid.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
