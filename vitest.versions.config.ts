import { defineConfig } from 'vitest/config';

// `npm run test:versions`: the model against real builds by the other Next.js releases it knows
// (test/next-versions); separate from `npm test` because each release is its own install and build.
export default defineConfig({
  test: {
    include: ['test/versions/**/*.test.ts'],
    globalSetup: ['test/versions/setup.ts'],
    pool: 'forks',
    // A test builds its fixture on first use: minutes on a busy two-core machine.
    testTimeout: 900_000,
  },
});
