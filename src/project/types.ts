import type { BundleSettings } from '../load/bundle-settings.js';
import type { NextRules } from './next-version.js';

/** What project discovery found; every path is absolute unless named `relative`. */

export interface NextI18n {
  locales: string[];
  defaultLocale: string;
}

export interface NextProjectConfig {
  /** The config file's base name (it appears in Next's invalid-locale message), or 'next.config.js' if none. */
  configFileName: string;
  pageExtensions: string[];
  i18n?: NextI18n;
  output?: 'export' | 'standalone';
  trailingSlash: boolean;
  basePath: string;
  cacheComponents: boolean;
  /** Seconds a data function may take (Next's own default is 60). */
  staticPageGenerationTimeout: number;
  /**
   * `experimental.staticGenerationMaxConcurrency`: how many pages one build worker renders at once
   * (next@16.4.6 export/worker.js; 8 by default).
   */
  staticGenerationMaxConcurrency: number;
  /** How the project's modules compile (transpilePackages, serverExternalPackages, aliases, MDX). */
  bundle: BundleSettings;
  /** `serverRuntimeConfig` / `publicRuntimeConfig`, what `next/config`'s getConfig() returns (Next.js 15 and older). */
  runtimeConfig: { serverRuntimeConfig: object; publicRuntimeConfig: object };
  /** The Next.js release whose rules apply (project/next-version.ts); the pinned release's when unset. */
  rules?: NextRules;
  /** Set when the installed release is of no known line: why, for the model's info diagnostic. */
  rulesNote?: string;
  /**
   * What the config's `redirects()` returned, as written (before Next adds basePath and locales), or why it
   * could not be read; only when discovery was asked for it (the migration), since it runs user code.
   */
  redirects?: { rules: unknown[] } | { error: string };
}

export interface ZfbProjectConfig {
  configFile?: string;
  outDir: string;
  framework: 'preact' | 'react';
}

export interface Project {
  root: string;
  /** 'mixed' = a Next.js project whose pages/ also holds zfb `paths()` pages, or a zfb project with app/. */
  kind: 'next' | 'zfb' | 'mixed';
  next?: NextProjectConfig;
  zfb?: ZfbProjectConfig;
  /** Next.js pages router directory (pages/ or src/pages/); for a zfb project, zfb's pages/. */
  pagesDir?: string;
  /**
   * Which engine reads pagesDir. Next.js does unless the project has a zfb config and no next.config;
   * zfb `paths()` pages inside a Next.js pages/ are still recognised one by one (a mixed tree).
   */
  pagesEngine?: 'next' | 'zfb';
  appDir?: string;
}
