import path from 'node:path';

/**
 * Where each URL's file goes in the output folder.
 *
 * - `zfb` (default): every page is `<url>/index.html` (the site root `index.html`), as zfb writes its
 *   pages, so any static host serves `/about` and `/about/`; the 404 page is a flat `404.html` (with
 *   i18n, also `<locale>/404.html` per locale: plan.ts); a file route (`feed.xml`) is written at its URL.
 * - `next-export`: the file names `next build` writes with `output: 'export'` (export/routes/*.ts):
 *   `about.html`, or `about/index.html` with `trailingSlash: true`; `index.html`; `404.html`, plus
 *   `_not-found.html` for the app router; file routes at their URL.
 *
 * Both write a page's fallback shell (`fallback: true`) where Next keeps it, named after the route pattern
 * (`posts/[slug].html`; `posts/[slug]/index.html` in the zfb layout).
 */
export type OutputLayout = 'zfb' | 'next-export';

export function pageFile(url: string, layout: OutputLayout, trailingSlash: boolean): string {
  const relative = url.replace(/^\/+/, '').replace(/\/+$/, '');
  if (relative === '') return 'index.html';
  return layout === 'zfb' || trailingSlash ? `${relative}/index.html` : `${relative}.html`;
}

export function bodyFile(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' ? 'index' : relative;
}

/** Why an output path may not be written, or undefined when it stays inside the output folder. */
export function unsafeOutput(file: string): string | undefined {
  const parts = file.split('/');
  if (path.isAbsolute(file) || /^[A-Za-z]:/.test(file)) return 'it is an absolute path';
  if (parts.some((p) => p === '..')) return 'a segment is ".." and would write outside its folder';
  if (parts.some((p) => p === '.' || p === '')) return 'a segment is empty or "."';
  if (parts.some((p) => p.includes('\\') || p.includes('\0'))) return 'a segment holds "\\" or a NUL byte';
  return undefined;
}
