import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundleSettings } from './bundle-settings.js';
import type { CallGuard } from './call-guard.js';
import type { MdxSettings } from './mdx.js';
import { loaderRulesOf } from './webpack-loaders.js';

/**
 * next.config.* evaluated the way next@16.4.6 evaluates it (server/config.ts `loadConfigImpl`,
 * build/next-config-ts/transpile-config.ts): `.js` and `.mjs` through Node's own `import()`, so CommonJS with
 * `require`, plugins and their packages all load as under `next build`; `.ts` compiled to CommonJS and
 * required from `<root>/next.config.compiled.js`, with a require hook for the TypeScript files it imports.
 * A function export is called with the build phase and `{ defaultConfig }`, and a promise awaited
 * (config-shared.ts `normalizeConfig`).
 *
 * `next build` 16 sets `TURBOPACK=auto` before it reads the config (lib/bundler.ts `parseBundlerArgs`), and
 * plugins such as @next/mdx and next-intl then record their loaders and aliases under `turbopack`; that is
 * where the loader reads them.
 */

/** The files `next build` looks for (shared/lib/constants.ts `CONFIG_FILES`), in its order. */
export const NEXT_CONFIG_FILES = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.mts'];

export const PHASE_PRODUCTION_BUILD = 'phase-production-build';

export async function evaluateNextConfig(root: string, file: string, guard: CallGuard): Promise<Record<string, unknown>> {
  const previousTurbopack = process.env.TURBOPACK;
  process.env.TURBOPACK ??= 'auto';
  try {
    const name = path.basename(file);
    const exported = await guard.run({ file: name, function: 'import' }, () => importConfig(root, file));
    let value: unknown = interopDefault(exported);
    if (typeof value === 'function') {
      const config = value as (phase: string, context: { defaultConfig: object }) => unknown;
      value = await guard.run({ file: name, function: 'config' }, () => config(PHASE_PRODUCTION_BUILD, { defaultConfig: nextDefaultConfig(root) }));
    }
    return ((await value) ?? {}) as Record<string, unknown>;
  } finally {
    if (previousTurbopack === undefined) delete process.env.TURBOPACK;
  }
}

async function importConfig(root: string, file: string): Promise<unknown> {
  if (!/\.m?ts$/.test(file)) return import(pathToFileURL(file).href);
  // Loaded here: only a TypeScript config needs the compiler.
  const { esbuild } = await import('./esbuild.js');
  const compiled = path.join(root, 'next.config.compiled.js');
  const { code } = await esbuild.transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', platform: 'node', target: 'node20', sourcefile: file });
  registerTypeScriptHook(esbuild.transformSync);
  const module = new Module(compiled);
  module.filename = compiled;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(root);
  (module as unknown as { _compile(code: string, file: string): void })._compile(code, compiled);
  return module.exports;
}

let hooked = false;

/** TypeScript files that a next.config.ts requires, compiled on the fly as Next's require hook does. */
function registerTypeScriptHook(transformSync: typeof import('esbuild').transformSync): void {
  if (hooked) return;
  hooked = true;
  const extensions = (Module as unknown as { _extensions: Record<string, (module: Module, file: string) => void> })._extensions;
  for (const extension of ['.ts', '.cts', '.mts']) {
    extensions[extension] = (module, file) => {
      const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', platform: 'node', target: 'node20', sourcefile: file });
      (module as unknown as { _compile(code: string, file: string): void })._compile(code, file);
    };
  }
}

function interopDefault(module: unknown): unknown {
  const value = module as { default?: unknown } | undefined;
  return value && typeof value === 'object' && 'default' in value && value.default !== undefined ? value.default : module;
}

/** Next's own defaults, from the project's installed Next.js, as the second argument of a config function. */
function nextDefaultConfig(root: string): object {
  try {
    const projectRequire = createRequire(path.join(root, 'package.json'));
    return (projectRequire(projectRequire.resolve('next/dist/server/config-shared')) as { defaultConfig?: object }).defaultConfig ?? {};
  } catch {
    return {};
  }
}

export function findNextConfig(root: string): string | undefined {
  return NEXT_CONFIG_FILES.map((f) => path.join(root, f)).find((f) => existsSync(f));
}

/** How the project's modules compile, from its evaluated config. */
export function bundleSettingsOf(raw: Record<string, unknown>, root: string): BundleSettings {
  const experimental = (raw.experimental ?? {}) as Record<string, unknown>;
  const turbopack = (raw.turbopack ?? experimental.turbo ?? {}) as { resolveAlias?: Record<string, unknown>; rules?: Record<string, unknown> };
  const settings: BundleSettings = {
    transpilePackages: strings(raw.transpilePackages),
    serverExternalPackages: [...strings(raw.serverExternalPackages), ...strings(experimental.serverComponentsExternalPackages)],
    resolveAlias: aliases(turbopack.resolveAlias),
    env: Object.fromEntries(Object.entries((raw.env ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
  const mdx = mdxRule(turbopack.rules);
  if (mdx) settings.mdx = mdx;
  try {
    settings.loaderRules = loaderRulesOf(raw, root);
  } catch (error) {
    // Reported when a file the rules may cover is imported: a webpack() that needs more of webpack's
    // config than the loader rules should not stop a project that never imports such a file.
    settings.loaderRulesError = error instanceof Error ? error.message : String(error);
  }
  return settings;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `resolveAlias` values are a path, a list of candidates, or per-condition (`{ default, browser }`). */
function aliases(value: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, target] of Object.entries(value ?? {})) {
    const picked = typeof target === 'string' ? target : Array.isArray(target) ? target[0] : (target as { node?: unknown; default?: unknown } | null)?.node ?? (target as { default?: unknown } | null)?.default;
    if (typeof picked === 'string' && key !== 'next-mdx-import-source-file') result[key] = picked;
  }
  return result;
}

/** The rule @next/mdx adds under `turbopack.rules`: its loader's options and the files it applies to. */
function mdxRule(rules: Record<string, unknown> | undefined): MdxSettings | undefined {
  for (const value of Object.values(rules ?? {})) {
    for (const rule of Array.isArray(value) ? value : [value]) {
      const loaders = (rule as { loaders?: unknown[] } | null)?.loaders ?? [];
      for (const loader of loaders) {
        const { loader: name, options } = (loader ?? {}) as { loader?: unknown; options?: Record<string, unknown> };
        if (typeof name !== 'string' || !/@next[\\/]mdx[\\/]mdx-(js|rs)-loader/.test(name)) continue;
        const condition = (rule as { condition?: { path?: unknown } }).condition?.path;
        return { extension: condition instanceof RegExp ? condition : /\.mdx$/, options: { ...(options ?? {}) } };
      }
    }
  }
  return undefined;
}
