import { onPlainText } from './_shared/plain-text.js';
import type { Transform } from './_shared/types.js';

/**
 * Every transform the CLI knows, by its public name. `mayApply` is the cheap test run on the raw text before
 * any parsing: a file it rejects cannot contain the APIs the transform rewrites, and stays untouched.
 */
export interface TransformEntry {
  name: string;
  description: string;
  mayApply(path: string, source: string): boolean;
  load(): Promise<Transform>;
  /** The transform reads the project's Next.js i18n config (TransformInput.i18n). */
  readsI18n?: boolean;
}

const GET_STATIC = /getStatic(?:Paths|Props)/;
const APP_PAGE = /(?:^|\/)app\/(?:.*\/)?page\.(?:tsx|ts|jsx|js|mjs)$/;
const ZFB_PATHS = /\bpaths\b/;
// zfb routes .tsx files under pages/; a static page (no paths()) moves to app/ too, so any with a default export.
const ZFB_PAGE = /(?:^|\/)pages\/(?:.*\/)?[^/]+\.tsx$/;
const DEFAULT_EXPORT = /\bdefault\b/;
// A static zfb page stays where it is on the pages router; only its zfb SDK imports get marked.
const ZFB_IMPORT = /zfb/;

// Each transform module is loaded only when it runs (a literal specifier per transform, so bundlers see it).
const pick = (module: { default: Transform }): Transform => onPlainText(module.default);

export const TRANSFORMS: readonly TransformEntry[] = [
  {
    name: 'pages-to-app',
    description: 'pages/**/[x].tsx with getStaticPaths/getStaticProps → app/**/[x]/page.tsx with generateStaticParams',
    mayApply: (_path, source) => GET_STATIC.test(source),
    load: async () => pick(await import('./pages-to-app/index.js')),
    readsI18n: true,
  },
  {
    name: 'app-to-pages',
    description: 'app page (+ the layouts above it with generateStaticParams) → pages-router file with getStaticPaths/getStaticProps',
    mayApply: (path) => APP_PAGE.test(path),
    load: async () => pick(await import('./app-to-pages/index.js')),
  },
  {
    name: 'pages-to-zfb',
    description: 'pages-router file with getStaticPaths/getStaticProps → zfb page with paths() returning { params, props }',
    mayApply: (_path, source) => GET_STATIC.test(source),
    load: async () => pick(await import('./pages-to-zfb/index.js')),
    readsI18n: true,
  },
  {
    name: 'app-to-zfb',
    description: 'app page + its cascade of layouts → zfb page with one paths() running the cascade',
    mayApply: (path) => APP_PAGE.test(path),
    load: async () => pick(await import('./app-to-zfb/index.js')),
  },
  {
    name: 'zfb-to-pages',
    description: 'zfb page with paths() → pages-router file with getStaticPaths/getStaticProps',
    mayApply: (path, source) => ZFB_PAGE.test(path) && (ZFB_PATHS.test(source) || ZFB_IMPORT.test(source)),
    load: async () => pick(await import('./zfb-to-pages/index.js')),
  },
  {
    name: 'zfb-to-app',
    description: 'zfb page (with paths() or static) → app page (with generateStaticParams)',
    mayApply: (path, source) => ZFB_PAGE.test(path) && DEFAULT_EXPORT.test(source),
    load: async () => pick(await import('./zfb-to-app/index.js')),
  },
];

export function findTransform(name: string): TransformEntry | undefined {
  return TRANSFORMS.find((t) => t.name === name);
}
