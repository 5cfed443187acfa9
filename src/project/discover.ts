import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CallGuard, UserCodeFault } from '../load/call-guard.js';
import { DEFAULT_BUNDLE_SETTINGS } from '../load/bundle-settings.js';
import { toCloneable } from '../load/cloneable.js';
import { bundleSettingsOf, evaluateNextConfig, NEXT_CONFIG_FILES } from '../load/next-config.js';
import { assertDirectory, ProjectError } from './project-error.js';
import { realPath } from './real-path.js';
import { installedNextVersion, nextRulesFor } from './next-version.js';
import { nextConfigRefusal, orderLocales } from './next-config-checks.js';
import { nextTreeRefusal } from './next-tree-checks.js';
import type { NextProjectConfig, Project, ZfbProjectConfig } from './types.js';

export { ProjectError } from './project-error.js';

// zfb 0.1.0-next.89 reads the .ts config when both exist (a real build with both does).
const ZFB_CONFIG_FILES = ['zfb.config.ts', 'zfb.config.json'];
const DEFAULT_PAGE_EXTENSIONS = ['tsx', 'ts', 'jsx', 'js'];

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** Next's `findDir`: `<root>/<name>` first, then `<root>/src/<name>`. */
function findNextDir(root: string, name: string): string | undefined {
  for (const candidate of [path.join(root, name), path.join(root, 'src', name)]) {
    if (isDirectory(candidate)) return candidate;
  }
  return undefined;
}

function packageDependencies(root: string): Set<string> {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return new Set();
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
    return new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  } catch {
    throw new ProjectError(`${file} is not valid JSON`);
  }
}

export interface DiscoverOptions {
  /** Runs the config module: the host's guard (time limit, the parent's watch) when in the isolated host. */
  guard?: CallGuard;
  /** Also call the config's `redirects()` (NextProjectConfig.redirects). */
  redirects?: boolean;
}

// Next's staticPageGenerationTimeout default (server/config-shared.ts), in seconds.
const DEFAULT_TIMEOUT_SECONDS = 60;
// Next's experimental.staticGenerationMaxConcurrency default (server/config-shared.ts).
const DEFAULT_RENDER_CONCURRENCY = 8;

/** zfb.config.ts runs in zfb's embedded V8 with its bundler: the same bundling as a zfb page. */
async function evaluateZfbConfig(root: string, file: string): Promise<Record<string, unknown>> {
  // esbuild (behind the module loader) takes some 20 ms to load: a project without a config never needs it.
  const { ModuleSession } = await import('../load/load-modules.js');
  const session = new ModuleSession(root);
  try {
    const loaded = (await session.load([file], 'zfb')).get(file);
    if (!loaded?.ok) {
      const where = loaded?.error.line ? `:${loaded.error.line}:${loaded.error.column}` : '';
      throw new ProjectError(`Failed to load ${path.basename(file)}${where}: ${loaded?.error.message ?? 'unknown error'}`);
    }
    return ((await (loaded.module.default ?? loaded.module)) ?? {}) as Record<string, unknown>;
  } finally {
    session.close();
  }
}

/** next.config as `next build` evaluates it; its failure is Next's own "Failed to load" line and the cause. */
async function evaluateNext(root: string, file: string, guard: CallGuard): Promise<Record<string, unknown>> {
  try {
    return await evaluateNextConfig(root, file, guard);
  } catch (error) {
    const name = path.basename(file);
    const cause = !(error instanceof Error) ? String(error) : error.constructor === Error || error instanceof UserCodeFault ? error.message : `${error.name}: ${error.message}`;
    // server/config.ts logs this line, then rethrows the error itself.
    throw new ProjectError(`Failed to load ${name}, see more info here https://nextjs.org/docs/messages/next-config-error\n${cause}`);
  }
}

/** What a project without a next.config gets: Next's own defaults. */
export function defaultNextConfig(): NextProjectConfig {
  return {
    configFileName: 'next.config.js',
    pageExtensions: [...DEFAULT_PAGE_EXTENSIONS],
    trailingSlash: false,
    basePath: '',
    cacheComponents: false,
    staticPageGenerationTimeout: DEFAULT_TIMEOUT_SECONDS,
    staticGenerationMaxConcurrency: DEFAULT_RENDER_CONCURRENCY,
    bundle: { ...DEFAULT_BUNDLE_SETTINGS },
    runtimeConfig: { serverRuntimeConfig: {}, publicRuntimeConfig: {} },
  };
}

async function readNextConfig(root: string, file: string | undefined, guard: CallGuard, withRedirects: boolean): Promise<NextProjectConfig> {
  const raw = file ? await evaluateNext(root, file, guard) : {};
  const configFileName = file ? path.basename(file) : 'next.config.js';
  const refusal = nextConfigRefusal(raw, configFileName);
  if (refusal) throw new ProjectError(`next build rejects ${configFileName}: ${refusal.next}${refusal.why ? ` (${refusal.why})` : ''}`);
  const i18n = raw.i18n as { locales?: unknown; defaultLocale?: unknown } | undefined | null;
  const timeout = raw.staticPageGenerationTimeout;
  const concurrency = (raw.experimental as { staticGenerationMaxConcurrency?: unknown } | undefined)?.staticGenerationMaxConcurrency;
  const { rules, unknown } = nextRulesFor(installedNextVersion(root));
  const config: NextProjectConfig = {
    configFileName,
    pageExtensions: Array.isArray(raw.pageExtensions) ? (raw.pageExtensions as string[]) : DEFAULT_PAGE_EXTENSIONS,
    i18n:
      i18n && Array.isArray(i18n.locales) && typeof i18n.defaultLocale === 'string'
        ? { locales: orderLocales(i18n.locales as string[], i18n.defaultLocale), defaultLocale: i18n.defaultLocale }
        : undefined,
    output: raw.output === 'export' || raw.output === 'standalone' ? raw.output : undefined,
    trailingSlash: raw.trailingSlash === true,
    basePath: typeof raw.basePath === 'string' ? raw.basePath : '',
    // A release before 16.0 has no such option (it ignores the key).
    cacheComponents: raw.cacheComponents === true && rules.cacheComponents,
    staticPageGenerationTimeout: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS,
    staticGenerationMaxConcurrency: typeof concurrency === 'number' && concurrency >= 1 ? Math.floor(concurrency) : DEFAULT_RENDER_CONCURRENCY,
    bundle: bundleSettingsOf(raw, root),
    runtimeConfig: {
      serverRuntimeConfig: (raw.serverRuntimeConfig ?? {}) as object,
      publicRuntimeConfig: (raw.publicRuntimeConfig ?? {}) as object,
    },
    rules,
  };
  if (unknown) config.rulesNote = unknown;
  if (withRedirects && typeof raw.redirects === 'function') config.redirects = await readRedirects(raw.redirects as () => unknown, configFileName, guard);
  return config;
}

/**
 * `await config.redirects()`, as lib/load-custom-routes.ts `loadRedirects` calls it; next build fails when it
 * throws or returns no array (`checkCustomRoutes`: "redirects must return an array").
 */
async function readRedirects(redirects: () => unknown, file: string, guard: CallGuard): Promise<{ rules: unknown[] } | { error: string }> {
  try {
    const value = await guard.run({ file, function: 'redirects' }, () => redirects());
    if (!Array.isArray(value)) return { error: `redirects() must return an array, received ${typeof value}` };
    return { rules: value.map((rule) => toCloneable(rule)) };
  } catch (error) {
    return { error: `redirects() threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function readZfbConfig(root: string, file: string): Promise<ZfbProjectConfig> {
  let raw: Record<string, unknown> = {};
  if (file.endsWith('.json')) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ProjectError(`${path.basename(file)} is not valid JSON: ${(error as Error).message}`);
    }
  } else {
    raw = await evaluateZfbConfig(root, file);
  }
  return {
    configFile: file,
    outDir: typeof raw.outDir === 'string' ? raw.outDir : 'dist',
    framework: raw.framework === 'react' ? 'react' : 'preact',
  };
}

/** Cheap check, before discovery reads any config: does `root` look like a Next.js project? */
export function looksLikeNext(root: string): boolean {
  return (
    NEXT_CONFIG_FILES.some((f) => existsSync(path.join(root, f))) ||
    findNextDir(root, 'app') !== undefined ||
    (isDirectory(root) && packageDependencies(root).has('next'))
  );
}

/**
 * Finds what kind of project `dir` is and reads its configuration. A project is Next.js when it has a
 * next.config.*, an app/ folder, or `next` in its package.json; zfb when it has a zfb.config.* or depends on
 * @takazudo/zfb; both at once is a mixed (half-migrated) project.
 */
export async function discoverProject(dir: string, options: DiscoverOptions = {}): Promise<Project> {
  assertDirectory(dir);
  const root = realPath(dir);

  const dependencies = packageDependencies(root);
  const nextConfigFile = NEXT_CONFIG_FILES.map((f) => path.join(root, f)).find((f) => existsSync(f));
  const zfbConfigFile = ZFB_CONFIG_FILES.map((f) => path.join(root, f)).find((f) => existsSync(f));
  const appDir = findNextDir(root, 'app');
  const isZfb = zfbConfigFile !== undefined || dependencies.has('@takazudo/zfb');
  const isNext = nextConfigFile !== undefined || appDir !== undefined || dependencies.has('next');
  // zfb reads only <root>/pages; Next.js also looks in src/.
  const pagesDir = isNext && !zfbConfigFile ? findNextDir(root, 'pages') : isDirectory(path.join(root, 'pages')) ? path.join(root, 'pages') : undefined;

  if (!isNext && !isZfb) {
    if (pagesDir) {
      throw new ProjectError(
        `${dir}: found pages/ but no next.config.*, zfb.config.* or next / @takazudo/zfb dependency; cannot tell which engine it is for`,
      );
    }
    throw new ProjectError(`${dir}: not a Next.js or zfb project (no next.config.*, zfb.config.*, pages/ or app/)`);
  }

  const treeRefusal = isNext ? nextTreeRefusal(root) : undefined;
  if (treeRefusal) throw new ProjectError(`next build rejects ${dir}: ${treeRefusal}`);
  const pagesEngine = !pagesDir ? undefined : isNext && !(zfbConfigFile && !nextConfigFile) ? 'next' : 'zfb';
  const project: Project = { root, kind: isNext && isZfb ? 'mixed' : isNext ? 'next' : 'zfb', pagesDir, pagesEngine, appDir };
  if (isNext) project.next = await readNextConfig(root, nextConfigFile, options.guard ?? new CallGuard(DEFAULT_TIMEOUT_SECONDS * 1000), options.redirects ?? false);
  if (isZfb) project.zfb = zfbConfigFile ? await readZfbConfig(root, zfbConfigFile) : { outDir: 'dist', framework: 'preact' };
  return project;
}
