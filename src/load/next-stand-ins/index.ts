import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which stand-in module replaces which import. Every export name of next@16.4.6's public modules is there
 * (test/load/next-stand-ins.test.ts compares them with the installed Next.js); `next/config` and `next/amp`
 * are there for projects on Next.js 15 and older.
 */
const STAND_INS: Record<string, string> = {
  'next/link': 'link',
  'next/image': 'image',
  'next/legacy/image': 'legacy-image',
  'next/head': 'head',
  'next/navigation': 'navigation',
  'next/router': 'router',
  'next/compat/router': 'compat-router',
  'next/dynamic': 'dynamic',
  'next/headers': 'headers',
  'next/cache': 'cache',
  'next/server': 'server',
  'next/og': 'og',
  'next/script': 'script',
  'next/app': 'app',
  'next/document': 'document',
  'next/error': 'error',
  'next/font/google': 'font-google',
  'next/font/local': 'font-local',
  '@next/font/google': 'font-google',
  '@next/font/local': 'font-local',
  'next/config': 'config',
  'next/form': 'form',
  'next/web-vitals': 'web-vitals',
  'next/amp': 'amp',
  'server-only': 'empty',
  'client-only': 'empty',
};

/** `next`, `next/*`, Next's old `@next/font` and the server-only / client-only markers. */
export function isNextSpecifier(specifier: string): boolean {
  return specifier === 'next' || specifier.startsWith('next/') || specifier.startsWith('@next/font/') || specifier === 'server-only' || specifier === 'client-only';
}

// Beside this file: .ts in the sources, .js once compiled to dist/src/; the CLI bundle in dist/cli/ finds
// the compiled ones in dist/src/.
const DIRECTORIES = [new URL('./', import.meta.url), new URL('../src/load/next-stand-ins/', import.meta.url)].map((u) => fileURLToPath(u));

function locate(name: string): string {
  for (const dir of DIRECTORIES) {
    for (const extension of ['.js', '.cjs', '.ts', '.cts']) {
      const file = dir + name + extension;
      if (existsSync(file)) return file;
    }
  }
  throw new Error(`zfb-next: the Next.js stand-in "${name}" is missing from its installation`);
}

const located = new Map<string, string>();

/** The file that stands in for a `next/*` import. */
export function standInFile(specifier: string): string {
  return standInModule(STAND_INS[specifier.replace(/\.js$/, '')] ?? 'any-export');
}

/** A stand-in module by its own name (`mdx-components`: the empty MDX provider). */
export function standInModule(name: string): string {
  let file = located.get(name);
  if (!file) located.set(name, (file = locate(name)));
  return file;
}
