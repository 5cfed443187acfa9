import type { MdxSettings } from './mdx.js';
import type { LoaderRule } from './webpack-loaders.js';

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
  /** Webpack loaders next.config applies to files that are not code (`@svgr/webpack` for `.svg`). */
  loaderRules?: LoaderRule[];
  /** Why the loader rules could not be read (next.config's `webpack` threw): an error for a file they may cover. */
  loaderRulesError?: string;
}

export const DEFAULT_BUNDLE_SETTINGS: BundleSettings = { transpilePackages: [], serverExternalPackages: [], resolveAlias: {}, env: {} };

