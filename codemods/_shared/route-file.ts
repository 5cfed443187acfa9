import { parsePattern } from '../../src/model/segments.js';
import type { Segment } from '../../src/model/types.js';
import { normalizeAppPath } from '../../src/sources/next-app-files.js';

/**
 * Where a file sits in a Next.js (or zfb) project and the URL pattern it serves, read from its
 * project-relative path alone.
 */
export interface RouteFile {
  router: 'pages' | 'app';
  /** The router directory: 'pages', 'src/pages', 'app' or 'src/app'. */
  dir: string;
  /** For app files: 'page', 'layout', 'route', 'default', ...; for pages files: 'page'. */
  role: string;
  /** '/blog/[slug]': app groups, @slots and the file name removed; pages 'index' removed. */
  pattern: string;
  segments: Segment[];
  /** The folder path inside the router directory, as written ('(shop)/blog/[slug]' for app files). */
  folder: string;
  ext: string;
}

const ROUTER_DIR = /^(?:(src)\/)?(pages|app)\//;

export function routeFromPath(relativePath: string): RouteFile | undefined {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const match = ROUTER_DIR.exec(path);
  if (!match) return undefined;
  const router = match[2] as 'pages' | 'app';
  const dir = match[1] ? `${match[1]}/${router}` : router;
  const rest = path.slice(match[0].length);
  const extMatch = /\.[^./]+$/.exec(rest);
  const ext = extMatch ? extMatch[0] : '';
  const withoutExt = rest.slice(0, rest.length - ext.length);
  const parts = withoutExt.split('/');
  if (router === 'pages') {
    if (parts[parts.length - 1] === 'index') parts.pop();
    const folder = parts.join('/');
    const pattern = '/' + folder;
    return { router, dir, role: 'page', pattern, segments: parsePattern(pattern), folder, ext };
  }
  const role = parts.pop() ?? '';
  const folder = parts.join('/');
  // Groups and parallel-route slots are not part of the URL.
  const pattern = normalizeAppPath(`/${folder}/page`);
  return { router, dir, role, pattern, segments: parsePattern(pattern), folder, ext };
}

/** The app-router folders above (and including) an app file's folder, top first: '', 'blog', 'blog/[slug]'. */
export function appAncestorFolders(route: RouteFile): string[] {
  const parts = route.folder ? route.folder.split('/') : [];
  const folders = [''];
  for (let i = 1; i <= parts.length; i++) folders.push(parts.slice(0, i).join('/'));
  return folders;
}
