import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import {
  getSegmentParam,
  type AppParamType,
} from '../model/app-segment-param.js';
import type { Diagnostic } from '../model/types.js';
import { metadataAppPath, type MetadataRouteInfo } from './next-app-metadata.js';

/**
 * The app router's routes from the file system, as next@16.4.6 discovers them (build/route-discovery.ts
 * `collectAppFiles` + `createPagesMapping`, shared/lib/router/utils/app-paths.ts `normalizeAppPath`), and
 * for each route the segment list its build hands to `generateStaticParams`
 * (build/segment-config/app/app-segments.ts `collectAppPageSegments`).
 */

/** One node of the loader tree, as `collectAppPageSegments` turns it into an AppSegment. */
export interface AppSegmentFile {
  /** The loader-tree segment name: '' (root), 'blog', '(group)', '[slug]', '__PAGE__', '__DEFAULT__'. */
  name: string;
  paramName?: string;
  paramType?: AppParamType;
  /** Absolute path of the node's module: its layout, or the page / route file on a leaf; none otherwise. */
  file?: string;
  role?: 'layout' | 'page' | 'route';
}

export interface PathnameParam {
  /** The segment as written in the route, marker included: '[id]', '(.)[id]', '[[...slug]]'. */
  name: string;
  paramName: string;
  paramType: AppParamType;
}

export interface AppRouteFiles {
  /** Normalised route: groups and @slots removed, interception markers kept ('/ic/(.)photo/[id]'). */
  pattern: string;
  kind: 'page' | 'route-handler';
  /** Absolute path of the page / route file that owns the route (the children page when there is one). */
  file: string;
  /** Every app path (`/par/@side/[id]/page`) that normalises to this route, in discovery order. */
  appPaths: string[];
  /** Next's AppSegment list (breadth-first over the loader tree, de-duplicated). */
  segments: AppSegmentFile[];
  /**
   * The loader tree's `children` branch only, root first: what next@13.5–14.2's `collectGenerateParams`
   * walks (parallel slots left out). A route handler is its one module, as there.
   */
  childrenSegments: AppSegmentFile[];
  /** The params that form the URL, in URL order (parallel-slot params excluded). */
  pathnameParams: PathnameParam[];
  /** Set for a metadata route (robots, sitemap, icon, ...): a route handler Next generates around the file. */
  metadata?: MetadataRouteInfo;
}

export interface AppFiles {
  routes: AppRouteFiles[];
  /** Normalised routes in Next's discovery order: the input of `validateAppPaths`. */
  normalizedPaths: string[];
  diagnostics: Diagnostic[];
}

interface Scanned {
  /** appDir-relative, leading '/', forward slashes, sorted like Next's recursiveReadDir. */
  files: string[];
  /** appDir-relative directories ('' for appDir itself) → their entry names. */
  dirs: Map<string, string[]>;
}

/**
 * lib/recursive-readdir.ts: a symbolic link is followed, a linked folder walked and a broken link skipped
 * (a real `next build` routed a linked folder's pages and a linked page file alike). A folder that links
 * back to one it is inside is walked once.
 */
function scan(appDir: string): Scanned {
  const files: string[] = [];
  const dirs = new Map<string, string[]>();
  const walk = (rel: string, ancestors: ReadonlySet<string>): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(appDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    // `ignorePartFilter: part => part.startsWith('_')` (route-discovery.ts): private folders and files.
    const kept = entries.filter((e) => !e.name.startsWith('_'));
    dirs.set(rel, kept.map((e) => e.name));
    for (const entry of kept) {
      const childRel = `${rel}/${entry.name}`;
      const kind = entry.isSymbolicLink() ? linkKind(path.join(appDir, childRel)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
      if (kind === 'dir') {
        const real = realpathSync(path.join(appDir, childRel));
        if (!ancestors.has(real)) walk(childRel, new Set([...ancestors, real]));
      } else if (kind === 'file') {
        files.push(childRel);
      }
    }
  };
  walk('', new Set([realpathSync(appDir)]));
  files.sort();
  return { files, dirs };
}

function linkKind(file: string): 'dir' | 'file' | undefined {
  try {
    return statSync(file).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

function leafName(rel: string, extensions: readonly string[]): { dir: string; base: string; ext: string } | undefined {
  const slash = rel.lastIndexOf('/');
  const file = rel.slice(slash + 1);
  // Longer extensions first, so 'page.tsx' style compound extensions win (getPageFromPath).
  for (const ext of [...extensions].sort((a, b) => b.length - a.length)) {
    if (file.endsWith(`.${ext}`)) {
      return { dir: rel.slice(0, slash), base: file.slice(0, -ext.length - 1), ext };
    }
  }
  return undefined;
}

/** shared/lib/router/utils/app-paths.ts `normalizeAppPath`, for an app path ending in /page or /route. */
export function normalizeAppPath(appPath: string): string {
  const parts = appPath.split('/');
  let pathname = '';
  parts.forEach((segment, index) => {
    if (!segment) return;
    if (segment.startsWith('(') && segment.endsWith(')')) return;
    if (segment.startsWith('@')) return;
    if ((segment === 'page' || segment === 'route') && index === parts.length - 1) return;
    pathname += `/${segment}`;
  });
  return pathname || '/';
}

/** app-paths.ts `compareAppPaths`: slot paths sort first, so the children page is the greatest. */
function compareAppPaths(a: string, b: string): number {
  const aSlot = a.includes('/@');
  const bSlot = b.includes('/@');
  if (aSlot && !bSlot) return -1;
  if (!aSlot && bSlot) return 1;
  return a.localeCompare(b);
}

interface LoaderNode {
  name: string;
  file?: string;
  role?: AppSegmentFile['role'];
  children: LoaderNode[];
}

export function scanAppFiles(appDir: string, pageExtensions: readonly string[], projectRoot: string): AppFiles {
  const { files, dirs } = scan(appDir);
  const rel = (abs: string): string => path.relative(projectRoot, abs).split(path.sep).join('/');
  const layouts = new Map<string, string>();
  // App path ('/blog/[slug]/page') → appDir-relative file, in discovery order; a later file of the same
  // key replaces the earlier one in place, as Object.fromEntries does in createPagesMapping.
  const mapped = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const metadata = new Map<string, MetadataRouteInfo>();
  for (const file of files) {
    // Metadata files (robots.txt, icon.png, sitemap.ts, ...) are routes of their own (next-app-metadata.ts).
    const metadataRoute = metadataAppPath(file, path.join(appDir, file), pageExtensions);
    if (metadataRoute) {
      mapped.set(metadataRoute.appPath, file);
      metadata.set(metadataRoute.appPath, metadataRoute.info);
      continue;
    }
    const leaf = leafName(file, pageExtensions);
    if (!leaf) continue;
    if (file.endsWith('.d.ts') && pageExtensions.includes('ts')) continue;
    if (leaf.base === 'layout') {
      if (!layouts.has(leaf.dir)) layouts.set(leaf.dir, file);
      continue;
    }
    if (leaf.base !== 'page' && leaf.base !== 'route') continue;
    // Turbopack writes '_' as '%5F' in app paths; Next turns it back (createPagesMapping).
    const key = `${leaf.dir}/${leaf.base}`.replace(/%5F/g, '_');
    mapped.set(key, file);
  }

  const byRoute = new Map<string, string[]>();
  for (const appPath of mapped.keys()) {
    const route = normalizeAppPath(appPath);
    const list = byRoute.get(route) ?? [];
    list.push(appPath);
    byRoute.set(route, list);
  }

  const routes: AppRouteFiles[] = [];
  for (const [pattern, appPaths] of byRoute) {
    const owner = appPaths.reduce((best, p) => (compareAppPaths(best, p) < 0 ? p : best));
    const ownerFile = path.join(appDir, mapped.get(owner)!);
    const pages = appPaths.filter((p) => p.endsWith('/page'));
    const handlers = appPaths.filter((p) => p.endsWith('/route'));
    if (pages.length > 0 && handlers.length > 0) {
      diagnostics.push({
        severity: 'error',
        code: 'APP_ROUTE_CONFLICT',
        file: rel(path.join(appDir, mapped.get(handlers[0]!)!)),
        message: `Conflicting route and page at ${pattern}: ${rel(path.join(appDir, mapped.get(handlers[0]!)!))} and ${rel(path.join(appDir, mapped.get(pages[0]!)!))} both resolve to it. Keep one of them.`,
      });
    }
    const childrenPages = pages.filter((p) => !p.includes('/@'));
    if (childrenPages.length > 1) {
      diagnostics.push({
        severity: 'error',
        code: 'APP_ROUTE_CONFLICT',
        file: rel(path.join(appDir, mapped.get(childrenPages[1]!)!)),
        message: `You cannot have two parallel pages that resolve to the same path. Please check ${childrenPages[0]} and ${childrenPages[1]}. Refer to the route group docs for more information: https://nextjs.org/docs/app/building-your-application/routing/route-groups`,
      });
    }
    const isHandler = owner.endsWith('/route');
    const tree = isHandler ? undefined : pageTree(appPaths.filter((p) => p.endsWith('/page')), { appDir, mapped, layouts, dirs });
    const route: AppRouteFiles = {
      pattern,
      kind: isHandler ? 'route-handler' : 'page',
      file: ownerFile,
      appPaths,
      segments: tree ? collectSegments(tree) : routeHandlerSegments(pattern, ownerFile),
      childrenSegments: tree ? childrenChain(tree) : [{ name: 'route', file: ownerFile, role: 'route' }],
      pathnameParams: pathnameParams(pattern),
    };
    const metadataInfo = metadata.get(owner);
    if (metadataInfo) route.metadata = metadataInfo;
    routes.push(route);
  }
  return { routes, normalizedPaths: [...byRoute.keys()], diagnostics };
}

/** The URL's params in URL order: what `extractPathnameRouteParamSegments` finds for a normalised route. */
export function pathnameParams(pattern: string): PathnameParam[] {
  const result: PathnameParam[] = [];
  for (const name of pattern.split('/').filter(Boolean)) {
    const param = getSegmentParam(name);
    if (param) result.push({ name, ...param });
  }
  return result;
}

/**
 * `collectAppRouteSegments`: one segment per pathname part, and only the last carries the route module;
 * layouts play no part for a route handler.
 */
function routeHandlerSegments(pattern: string, file: string): AppSegmentFile[] {
  const parts = pattern.split('/').slice(1);
  return parts.map((name, index) => {
    const param = getSegmentParam(name);
    const segment: AppSegmentFile = { name };
    if (param) Object.assign(segment, param);
    if (index === parts.length - 1) Object.assign(segment, { file, role: 'route' });
    return segment;
  });
}

interface TreeInput {
  appDir: string;
  mapped: Map<string, string>;
  layouts: Map<string, string>;
  dirs: Map<string, string[]>;
}

/**
 * The loader tree of one page route, rebuilt from the files: a directory node carries its layout, the page
 * hangs below as `__PAGE__`, every @slot of a directory is a parallel branch that either reaches a page of
 * this route or ends in `__DEFAULT__`.
 */
function pageTree(appPaths: string[], input: TreeInput): LoaderNode {
  // Remaining path parts of each page below the current directory, e.g. ['[id]', 'page'].
  const leaves = appPaths.map((p) => p.split('/').filter(Boolean));
  return buildNode('', '', leaves, input);
}

function segmentOf(node: LoaderNode): AppSegmentFile {
  const param = getSegmentParam(node.name);
  const segment: AppSegmentFile = { name: node.name };
  if (param) Object.assign(segment, param);
  if (node.file) Object.assign(segment, { file: node.file, role: node.role });
  return segment;
}

/** The `children` branch, root first (a node's children branch is always its first child). */
function childrenChain(root: LoaderNode): AppSegmentFile[] {
  const chain: AppSegmentFile[] = [];
  for (let node: LoaderNode | undefined = root; node; node = node.children[0]) chain.push(segmentOf(node));
  return chain;
}

/** `collectAppPageSegments`: breadth-first over every branch, de-duplicated by name, param and file. */
function collectSegments(root: LoaderNode): AppSegmentFile[] {
  const segments: AppSegmentFile[] = [];
  const queue: LoaderNode[] = [root];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const segment = segmentOf(node);
    const duplicate = segments.some(
      (s) => s.name === segment.name && s.paramName === segment.paramName && s.paramType === segment.paramType && s.file === segment.file,
    );
    if (!duplicate) segments.push(segment);
    queue.push(...node.children);
  }
  return segments;
}

function buildNode(dirRel: string, name: string, leaves: string[][], input: TreeInput): LoaderNode {
  const layout = input.layouts.get(dirRel);
  const node: LoaderNode = { name, children: [] };
  if (layout) Object.assign(node, { file: path.join(input.appDir, layout), role: 'layout' });
  // The children branch first, then each @slot of this directory in name order.
  const slots = (input.dirs.get(dirRel) ?? []).filter((n) => n.startsWith('@')).sort();
  node.children.push(branch(dirRel, leaves.filter((l) => !l[0]!.startsWith('@')), input));
  for (const slot of slots) {
    const inSlot = leaves.filter((l) => l[0] === slot).map((l) => l.slice(1));
    node.children.push(branch(`${dirRel}/${slot}`, inSlot, input));
  }
  return node;
}

function branch(dirRel: string, leaves: string[][], input: TreeInput): LoaderNode {
  if (leaves.some((l) => l.length === 1 && l[0] === 'page')) {
    const file = input.mapped.get(`${dirRel}/page`)!;
    return { name: '__PAGE__', file: path.join(input.appDir, file), role: 'page', children: [] };
  }
  const next = leaves.find((l) => l.length > 1)?.[0];
  if (next === undefined) return { name: '__DEFAULT__', children: [] };
  return buildNode(`${dirRel}/${next}`, next, leaves.filter((l) => l[0] === next && l.length > 1).map((l) => l.slice(1)), input);
}
