import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ModuleSession } from '../../src/load/load-modules.js';
import { discoverProject } from '../../src/project/discover.js';
import type { SourceResult } from '../../src/sources/contract.js';
import { nextAppSource } from '../../src/sources/next-app.js';
import { copyFixture, nextBuild, type EngineRun } from '../helpers/engines.js';

/** A page with no layout above it stops `next build`; the model reports the same error for the same page. */
describe('fixtures/app-no-root-layout', () => {
  let build: EngineRun;
  let result: SourceResult;
  let session: ModuleSession;

  beforeAll(async () => {
    const dir = copyFixture('app-no-root-layout', 'root-layout');
    build = await nextBuild(dir);
    const project = await discoverProject(dir);
    session = new ModuleSession(project.root);
    result = await nextAppSource(project, session);
  });
  afterAll(() => session?.close());

  const MESSAGE = "page.js doesn't have a root layout. To fix this error, make sure every page has a root layout.";

  test('next build fails with that message', () => {
    expect(build.code).not.toBe(0);
    expect(build.stdout + build.stderr).toContain(MESSAGE);
  });

  test('the model reports it for that page only', () => {
    expect(result.diagnostics.filter((d) => d.code === 'APP_NO_ROOT_LAYOUT')).toEqual([
      { severity: 'error', code: 'APP_NO_ROOT_LAYOUT', file: 'app/page.js', message: MESSAGE },
    ]);
  });
});
