import { posix } from 'node:path';
import { parseJsonc } from './jsonc.js';
import type { MigrationContext } from './context.js';

/**
 * tsconfig.json of the zfb project: the user's own (tsconfig.json, else jsconfig.json) with what zfb's React
 * mode needs (reference: zfb-engine.md §6: the client bundle follows `jsxImportSource`), the user's path
 * aliases kept, and `next` / `next/*` mapped to the project's next-shims/ (zfb's bundler honours tsconfig
 * paths, so every `import Link from 'next/link'` keeps working unchanged).
 */

export const SHIMS_DIR = 'next-shims';

export interface UserTsconfig {
  file?: 'tsconfig.json' | 'jsconfig.json';
  config: Record<string, unknown>;
  /** Why the file could not be read, when it could not. */
  error?: string;
}

export function readUserTsconfig(ctx: MigrationContext): UserTsconfig {
  for (const file of ['tsconfig.json', 'jsconfig.json'] as const) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    try {
      const config = parseJsonc(text);
      return { file, config: config && typeof config === 'object' ? (config as Record<string, unknown>) : {} };
    } catch (error) {
      return { file, config: {}, error: `${file} is not valid JSON: ${(error as Error).message}` };
    }
  }
  return { config: {} };
}

function compilerOptions(config: Record<string, unknown>): Record<string, unknown> {
  const options = config.compilerOptions;
  return options && typeof options === 'object' ? (options as Record<string, unknown>) : {};
}

/** The user's `paths` aliases, to find the file an aliased import names. */
export interface PathAliases {
  /** Candidate project-relative paths for a specifier (empty when no alias matches). */
  resolve(specifier: string): string[];
}

export function pathAliases(config: Record<string, unknown>): PathAliases {
  const options = compilerOptions(config);
  const base = typeof options.baseUrl === 'string' ? options.baseUrl : '.';
  const paths = (options.paths && typeof options.paths === 'object' ? options.paths : {}) as Record<string, unknown>;
  const entries = Object.entries(paths).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));
  return {
    resolve(specifier) {
      const found: string[] = [];
      for (const [pattern, targets] of entries) {
        const star = pattern.indexOf('*');
        let rest: string | undefined;
        if (star < 0) rest = pattern === specifier ? '' : undefined;
        else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
          rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
        }
        if (rest === undefined) continue;
        for (const target of targets) found.push(posix.normalize(posix.join(base, target.replace('*', rest))).replace(/^\.\//, ''));
      }
      // With a baseUrl, a bare specifier is also looked up under it (`import 'css/tailwind.css'`), as TypeScript
      // and Next.js do; a package of that name is the fallback, so this candidate comes last.
      if (typeof options.baseUrl === 'string' && !specifier.startsWith('.') && !specifier.startsWith('/')) {
        found.push(posix.normalize(posix.join(base, specifier)).replace(/^\.\//, ''));
      }
      return found;
    },
  };
}

/** Writes the zfb project's tsconfig.json. */
export function writeTsconfig(ctx: MigrationContext, user: UserTsconfig): void {
  const config: Record<string, unknown> = { ...user.config };
  const options: Record<string, unknown> = { ...compilerOptions(user.config) };
  // Next's TypeScript plugin and its generated types are gone with next.
  delete options.plugins;
  options.jsx = 'react-jsx';
  options.jsxImportSource = 'react';
  options.module = 'esnext';
  options.moduleResolution = 'bundler';
  if (options.target === undefined || /^es(3|5|2015|2016|2017)$/i.test(String(options.target))) options.target = 'ES2022';
  if (user.file === 'jsconfig.json') options.allowJs = true;
  const base = typeof options.baseUrl === 'string' ? options.baseUrl : '.';
  const toShims = (to: string) => {
    const relative = posix.relative(base, to);
    return relative.startsWith('.') ? relative : `./${relative}`;
  };
  options.paths = {
    ...((options.paths as Record<string, unknown> | undefined) ?? {}),
    next: [toShims(`${SHIMS_DIR}/index.ts`)],
    'next/*': [toShims(`${SHIMS_DIR}/*`)],
  };
  config.compilerOptions = options;
  if (Array.isArray(config.include)) {
    config.include = (config.include as unknown[]).filter((entry) => typeof entry !== 'string' || !/^(?:\.next\/|next-env\.d\.ts$)/.test(entry));
  }
  const exclude = Array.isArray(config.exclude) ? (config.exclude as unknown[]) : ['node_modules'];
  config.exclude = [...new Set([...exclude, 'dist', '.zfb-build'])];
  ctx.tree.write('tsconfig.json', JSON.stringify(config, null, 2) + '\n');
}
