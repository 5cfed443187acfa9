import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';
import type { NextProjectConfig } from '../project/types.js';
import type { MigrationContext } from './context.js';
import { DATA_PLUGIN } from './data.js';
import { SHIMS_DIR } from './tsconfig.js';

/** The zfb version every migrated project pins (the one zfb-next is checked against). */
export const ZFB_VERSION = '0.1.0-next.89';
const TEMPLATES = path.join(PACKAGE_ROOT, 'src/migrate/templates');

/** The next/* modules of the zfb project (next-shims/), written once, whole. */
export function writeShims(ctx: MigrationContext): void {
  const dir = path.join(TEMPLATES, 'next-shims');
  for (const name of readdirSync(dir).sort()) ctx.tree.write(`${SHIMS_DIR}/${name}`, readFileSync(path.join(dir, name), 'utf8'));
}

export interface ZfbConfigInput {
  next: NextProjectConfig;
  dataPlugin: boolean;
  tailwind: boolean;
}

/** zfb.config.ts: React mode, the next-data plugin, and what of next.config zfb has (basePath, trailingSlash). */
export function writeZfbConfig(ctx: MigrationContext, { next, dataPlugin, tailwind }: ZfbConfigInput): void {
  const lines = [
    `import { defineConfig } from '@takazudo/zfb/config';`,
    '',
    `// Written by zfb-next migrate from ${next.configFileName}.`,
    'export default defineConfig({',
    `  framework: 'react',`,
    `  outDir: 'dist',`,
    `  publicDir: 'public',`,
    `  tailwind: { enabled: ${tailwind} },`,
  ];
  if (next.basePath) lines.push(`  // basePath: zfb writes files at the root of dist/ and prefixes absolute links with base.`, `  base: ${JSON.stringify(`${next.basePath}/`)},`);
  if (next.trailingSlash) lines.push(`  trailingSlash: true,`);
  if (dataPlugin) lines.push(`  // Runs the Next.js data functions in Node at build time (see ${DATA_PLUGIN}).`, `  plugins: [{ name: './${DATA_PLUGIN}' }],`);
  lines.push('});', '');
  ctx.tree.write('zfb.config.ts', lines.join('\n'));
}

/** Packages that exist for Next.js alone: they go with it. */
const NEXT_ONLY = /^(?:next|@next\/.+|eslint-config-next|@vercel\/speed-insights|@vercel\/analytics)$/;

export interface PackageResult {
  removed: string[];
  /** Scripts dropped because they ran Next.js. */
  droppedScripts: string[];
  /** React packages whose range zfb cannot run with, raised to the one it needs ('react 19.1.0 → ^19.2.3'). */
  raised: string[];
}

/**
 * package.json: the user's, without next and its own packages, with the pinned zfb packages, esbuild for the
 * next-data plugin, React 19 (zfb's React mode needs it), and dev/build/preview running zfb. `imported`: the
 * packages the project's modules import.
 */
export function writePackageJson(ctx: MigrationContext, dataPlugin: boolean, imported: ReadonlySet<string>): PackageResult {
  const text = ctx.read('package.json');
  const pkg = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const removed: string[] = [];
  const section = (name: string): Record<string, string> => {
    const value = pkg[name];
    const entries = value && typeof value === 'object' ? Object.entries(value as Record<string, string>) : [];
    const kept = entries.filter(([dependency]) => {
      if (!NEXT_ONLY.test(dependency)) return true;
      // Vercel's components render on any host (a script tag); removing one the code imports fails the build.
      if (dependency.startsWith('@vercel/') && imported.has(dependency)) return true;
      removed.push(dependency);
      return false;
    });
    return Object.fromEntries(kept);
  };
  const dependencies = section('dependencies');
  const devDependencies = section('devDependencies');
  dependencies['@takazudo/zfb'] = ZFB_VERSION;
  dependencies['@takazudo/zfb-runtime'] = ZFB_VERSION;
  const raised: string[] = [];
  for (const name of ['react', 'react-dom']) {
    const current = dependencies[name] ?? devDependencies[name];
    if (current && reachesZfbReact(current)) continue;
    if (current) raised.push(`${name} ${current} → ${ZFB_REACT}`);
    delete devDependencies[name];
    dependencies[name] = ZFB_REACT;
  }
  if (dataPlugin) devDependencies.esbuild = ownVersion('esbuild');
  const scripts = { ...((pkg.scripts as Record<string, string> | undefined) ?? {}) };
  const droppedScripts: string[] = [];
  for (const [name, command] of Object.entries(scripts)) {
    if (/\bnext\b/.test(command) && !['dev', 'build', 'preview'].includes(name)) {
      droppedScripts.push(`${name}: ${command}`);
      delete scripts[name];
    }
  }
  scripts.dev = 'zfb dev';
  scripts.build = 'zfb build';
  scripts.preview = 'zfb preview';
  const out: Record<string, unknown> = { ...pkg, scripts, dependencies: sorted(dependencies) };
  if (Object.keys(devDependencies).length > 0) out.devDependencies = sorted(devDependencies);
  else delete out.devDependencies;
  ctx.tree.write('package.json', JSON.stringify(out, null, 2) + '\n');
  return { removed, droppedScripts, raised };
}

/** The React range zfb-runtime 0.1.0-next.89 declares as its peer (npm refuses to install beside less). */
const ZFB_REACT = '^19.2.3';

/**
 * Whether npm can pick a React for `range` that zfb-runtime accepts: a caret range on 19 can, and so can a
 * tilde or exact 19.2.3 and later; an exact 19.1.0 (or any 18) cannot.
 */
function reachesZfbReact(range: string): boolean {
  const match = /^\s*([\^~]?)(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  if (!match) return false;
  const [, operator, major, minor, patch] = match;
  if (Number(major) !== 19) return false;
  return operator === '^' || Number(minor) > 2 || (Number(minor) === 2 && Number(patch) >= 3);
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The range zfb-next itself depends on, so the output gets a version known to work. */
function ownVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return pkg.dependencies[name] ?? 'latest';
}
