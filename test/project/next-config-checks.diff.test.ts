import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { nextConfigRefusal } from '../../src/project/next-config-checks.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * Differential: each config goes to next@16.4.6's own `loadConfig` (server/config.ts, the function
 * `next build` starts with; run in a child process, as the build does, so its module state stays out of
 * the test runner) and to nextConfigRefusal. Same error text, or no error from either. The locale checks
 * that fail later in the build (`..`, `""`) are compared with real builds in
 * test/conformance/next-refusals.test.ts.
 */
const CONFIGS: Record<string, Record<string, unknown>> = {
  'valid i18n': { i18n: { locales: ['en', 'fr'], defaultLocale: 'en' } },
  'null values keep their defaults': { i18n: null, pageExtensions: null, basePath: null },
  'i18n as a string': { i18n: 'en' },
  'locales not an array': { i18n: { locales: 'en', defaultLocale: 'en' } },
  'no defaultLocale': { i18n: { locales: ['en'] } },
  'defaultLocale a number': { i18n: { locales: ['en'], defaultLocale: 1 } },
  'domains not an array': { i18n: { locales: ['en'], defaultLocale: 'en', domains: 'x' } },
  'locales with non-strings': { i18n: { locales: ['en', 5, null, true], defaultLocale: 'en' } },
  'defaultLocale not in locales': { i18n: { locales: ['en', 'fr'], defaultLocale: 'de' } },
  'duplicate locales, case-insensitively': { i18n: { locales: ['en', 'fr', 'EN', 'fr'], defaultLocale: 'en' } },
  'localeDetection a string': { i18n: { locales: ['en'], defaultLocale: 'en', localeDetection: 'yes' } },
  'pageExtensions a string': { pageExtensions: 'tsx' },
  'pageExtensions empty': { pageExtensions: [] },
  'pageExtensions with a number': { pageExtensions: ['tsx', 5] },
  'basePath a number': { basePath: 5 },
  'basePath /': { basePath: '/' },
  'basePath without a leading slash': { basePath: 'docs' },
  'basePath with a trailing slash': { basePath: '/docs/' },
  'valid basePath': { basePath: '/docs' },
  'output export with i18n': { output: 'export', i18n: { locales: ['en'], defaultLocale: 'en' } },
  'two faults: the first one Next checks wins': { pageExtensions: [1], i18n: { locales: [2], defaultLocale: 'en' } },
};

/** Next's own verdict on each config: its error message, or null. */
function nextVerdicts(configs: Record<string, Record<string, unknown>>): Record<string, string | null> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-config-'));
  const dirs: Record<string, string> = {};
  Object.entries(configs).forEach(([name, config], i) => {
    const dir = path.join(root, String(i));
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'next.config.js'), `module.exports = ${JSON.stringify(config)};\n`);
    dirs[name] = dir;
  });
  const script = `
    const { default: loadConfig } = require('next/dist/server/config');
    (async () => {
      const out = {};
      for (const [name, dir] of Object.entries(${JSON.stringify(dirs)})) {
        out[name] = await loadConfig('phase-production-build', dir).then(() => null, (e) => e.message);
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }));
}

describe('next.config checks, against Next’s own loadConfig', () => {
  const verdicts = nextVerdicts(CONFIGS);

  test.each(Object.keys(CONFIGS))('%s', (name) => {
    expect(nextConfigRefusal(CONFIGS[name]!, 'next.config.js')?.next ?? null).toBe(verdicts[name]);
  });

  test('the cases cover failures and passes', () => {
    const failures = Object.values(verdicts).filter((v) => v !== null).length;
    expect(failures).toBeGreaterThan(15);
    expect(Object.keys(CONFIGS).length - failures).toBe(3);
  });
});
