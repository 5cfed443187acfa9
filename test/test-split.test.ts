import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { expect, test } from 'vitest';
import { ENGINE_TESTS } from '../vitest.config.js';
import { REPO_ROOT } from './helpers/engines.js';

/**
 * `npm test` must stay fast and need nothing but `npm install`: a test file that starts a real engine or a
 * browser belongs to the `engines` project (vitest.config.ts ENGINE_TESTS), which `npm run test:full` and CI
 * run.
 */
const STARTS_AN_ENGINE = /\b(nextBuild|zfbBuild|zfbBuildSync|runNextBuild|runZfbBuild|launchPersistentContext|launch)\s*\(/;

function testFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts') && !path.join(e.parentPath, e.name).includes('__fixtures__'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

test('every test file that runs next build, zfb build or Chromium is in the engines project', () => {
  const isEngineTest = picomatch(ENGINE_TESTS);
  const misplaced = [...testFiles('test'), ...testFiles('codemods')].filter(
    (file) => !isEngineTest(file) && STARTS_AN_ENGINE.test(readFileSync(path.join(REPO_ROOT, file), 'utf8')),
  );
  expect(misplaced).toEqual([]);
});
