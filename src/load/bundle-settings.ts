import type { MdxSettings } from './mdx.js';

/** What the project's config says about compiling its modules (next.config, read in next-config.ts). */
export interface BundleSettings {
  transpilePackages: readonly string[];
  /** The project's `serverExternalPackages` (and the older `experimental.serverComponentsExternalPackages`). */
  serverExternalPackages: readonly string[];
  /** `turbopack.resolveAlias` (plugins such as next-intl put their aliases there). */
  resolveAlias: Readonly<Record<string, string>>;
  /** `env` of next.config, inlined as `process.env.KEY` like Next does. */
  env: Readonly<Record<string, string>>;
  mdx?: MdxSettings;
}

export const DEFAULT_BUNDLE_SETTINGS: BundleSettings = { transpilePackages: [], serverExternalPackages: [], resolveAlias: {}, env: {} };

