import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ProjectError } from '../../src/project/project-error.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { nextBuild, REPO_ROOT } from '../helpers/engines.js';
import { readNextBuild } from '../helpers/next-manifests.js';

/** next.config in each of the forms Next 16 evaluates, as `next build` evaluates it. */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const quiet = { userOutput: { write: () => true } as unknown as import('node:stream').Writable };

function project(files: Record<string, string>): string {
  const parent = path.join(REPO_ROOT, '.work', 'next-config');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(path.join(parent, 'p-'));
  made.push(root);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'next-config', private: true, dependencies: { next: '16.4.6' } }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const PAGE = 'export default function Page() { return <p>page</p>; }\n';

test('next.config.ts that imports a TypeScript file, as a function of the phase: the model and next build agree', async () => {
  const dir = project({
    'next.config.ts': `import type { NextConfig } from 'next';
import { locales } from './config/locales';

export default async function config(phase: string, { defaultConfig }: { defaultConfig: NextConfig }): Promise<NextConfig> {
  if (phase !== 'phase-production-build' || !Array.isArray(defaultConfig.pageExtensions)) throw new Error('not called as next build calls it');
  return { i18n: { locales, defaultLocale: locales[0] } };
}
`,
    'config/locales.ts': `export const locales: string[] = ['en', 'de'];\n`,
    'pages/index.tsx': PAGE,
    'pages/about.tsx': PAGE,
  });
  const [model, build] = await Promise.all([buildRouteModel(dir, quiet), nextBuild(dir)]);
  expect(build.code, build.stdout + build.stderr).toBe(0);
  expect(model.diagnostics).toEqual([]);
  expect(model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort()).toEqual(readNextBuild(dir).urls);
  expect(readNextBuild(dir).urls).toEqual(['/de', '/de/about', '/en', '/en/about']);
}, 300_000);

test('a config that throws is a usage error with Next\'s own "Failed to load" line and the cause', async () => {
  const dir = project({ 'next.config.js': `throw new Error('no config for you');\n`, 'pages/index.js': PAGE });
  const error = await buildRouteModel(dir, quiet).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProjectError);
  expect((error as Error).message).toBe(
    'Failed to load next.config.js, see more info here https://nextjs.org/docs/messages/next-config-error\nno config for you',
  );
});

test('an ES module config whose plugin is a promise-returning function, and env from the config', async () => {
  const dir = project({
    'next.config.mjs': `const withEnv = (config) => async () => ({ ...config, env: { SLUG: 'from-config' } });\nexport default withEnv({ trailingSlash: true });\n`,
    'pages/[slug].js': `export async function getStaticPaths() { return { paths: [{ params: { slug: process.env.SLUG } }], fallback: false }; }\nexport async function getStaticProps() { return { props: {} }; }\n${PAGE}`,
  });
  const model = await buildRouteModel(dir, quiet);
  expect(model.routes.flatMap((r) => r.entries.map((e) => e.url))).toEqual(['/from-config']);
});
