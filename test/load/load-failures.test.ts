import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { FIXTURES, nextBuild, REPO_ROOT } from '../helpers/engines.js';

/**
 * When a module cannot be loaded, the diagnostic says why in terms a user can act on (the chain of imports
 * from the route file), and the route keeps what its source declares: no URL or fallback mode is guessed.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const quiet = { userOutput: { write: () => true } as unknown as import('node:stream').Writable };

/** A project under the repository's .work/ (Turbopack builds only below the nearest lockfile). */
function project(files: Record<string, string>, packages: string[] = []): string {
  const parent = path.join(REPO_ROOT, '.work', 'load-failures');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(path.join(parent, 'p-'));
  made.push(root);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'load-failures', private: true, dependencies: { next: '16.4.6' } }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  for (const name of packages) cpSync(path.join(FIXTURES, 'load-app-router/_packages', name), path.join(root, 'node_modules', name), { recursive: true });
  return root;
}

function route(model: RouteModel, pattern: string) {
  return model.routes.find((r) => r.pattern === pattern);
}

const PAGE = 'export default function Page() { return null; }\n';

describe('a module that cannot be loaded', () => {
  test('names the chain of imports that leads from the route file to the missing package', async () => {
    const dir = project({
      'pages/chain/[id].js': `import { ids } from '../../lib/a.js';\nexport async function getStaticPaths() { return { paths: ids, fallback: 'blocking' }; }\nexport async function getStaticProps() { return { props: {} }; }\n${PAGE}`,
      'lib/a.js': `export { ids } from './b.js';\n`,
      'lib/b.js': `import 'no-such-package-zfb-next';\nexport const ids = [];\n`,
    });
    const model = await buildRouteModel(dir, quiet);
    const diagnostic = model.diagnostics.find((d) => d.code === 'MODULE_LOAD');
    expect(diagnostic?.file).toBe('lib/b.js');
    expect(diagnostic?.message).toContain("Cannot find package 'no-such-package-zfb-next'");
    expect(diagnostic?.message).toContain('import chain: pages/chain/[id].js -> lib/a.js -> lib/b.js -> no-such-package-zfb-next');
    // The fallback its source declares, not a guess.
    expect(route(model, '/chain/[id]')?.unmatched).toBe('blocking');
  });

  test('keeps a static page\'s URL, a fallback page\'s mode and an app route\'s dynamicParams', async () => {
    const dir = project({
      'pages/about.js': `import 'no-such-package-zfb-next';\n${PAGE}`,
      'pages/shell/[id].js': `import 'no-such-package-zfb-next';\nexport async function getStaticPaths() { return { paths: [], fallback: true }; }\nexport async function getStaticProps() { return { props: {} }; }\n${PAGE}`,
      'app/layout.js': `export default function L({ children }) { return children; }\n`,
      'app/strict/layout.js': `export const dynamicParams = false;\nexport default function L({ children }) { return children; }\n`,
      'app/strict/[id]/page.js': `import 'no-such-package-zfb-next';\nexport function generateStaticParams() { return []; }\n${PAGE}`,
      'app/open/[id]/page.js': `import 'no-such-package-zfb-next';\n${PAGE}`,
    });
    const model = await buildRouteModel(dir, quiet);
    expect(route(model, '/about')?.entries.map((e) => e.url)).toEqual(['/about']);
    expect(route(model, '/shell/[id]')?.unmatched).toBe('fallback');
    expect(route(model, '/strict/[id]')?.unmatched).toBe('not-found');
    expect(route(model, '/open/[id]')?.unmatched).toBe('blocking');
    expect(model.diagnostics.filter((d) => d.code === 'MODULE_LOAD')).toHaveLength(4);
  });
});

test('an ES module package with extensionless imports fails in the pages router as in next build, and loads in the app router', async () => {
  const pages = project(
    {
      'pages/[x].js': `import { looseValues } from 'zfbn-esm-loose';\nexport async function getStaticPaths() { return { paths: looseValues.map((x) => ({ params: { x } })), fallback: false }; }\nexport async function getStaticProps() { return { props: {} }; }\n${PAGE}`,
    },
    ['zfbn-esm-loose'],
  );
  const [model, build] = await Promise.all([buildRouteModel(pages, quiet), nextBuild(pages)]);
  // next build: "Failed to load external module zfbn-esm-loose…: Error [ERR_MODULE_NOT_FOUND]: Cannot find module '…/values' imported from …/index.js"
  expect(build.code).not.toBe(0);
  expect(build.stdout + build.stderr).toMatch(/Cannot find module '[^']*zfbn-esm-loose\/values' imported from/);
  const diagnostic = model.diagnostics.find((d) => d.code === 'MODULE_LOAD');
  expect(diagnostic?.message).toMatch(/Cannot find module '[^']*zfbn-esm-loose\/values' imported from/);
  expect(diagnostic?.message).toContain('import chain: pages/[x].js -> ');

  const app = project(
    {
      'app/layout.js': `export default function L({ children }) { return <html><body>{children}</body></html>; }\n`,
      'app/[x]/page.js': `import { looseValues } from 'zfbn-esm-loose';\nexport function generateStaticParams() { return looseValues.map((x) => ({ x })); }\n${PAGE}`,
    },
    ['zfbn-esm-loose'],
  );
  const appModel = await buildRouteModel(app, quiet);
  expect(appModel.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(route(appModel, '/[x]')?.entries.map((e) => e.url)).toEqual(['/loose-a', '/loose-b']);
}, 300_000);
