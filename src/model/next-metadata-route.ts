import path from 'node:path';

/**
 * next@16.4.6's metadata-route conventions (robots, sitemap, manifest, favicon, icon, apple-icon,
 * opengraph-image, twitter-image), ported statement by statement from its pure functions so that the
 * differential tests can hold them against the originals:
 * - lib/metadata/is-metadata-route.ts: `isMetadataRouteFile`, `isStaticMetadataFile`, `isMetadataPage`,
 *   `isMetadataRoute`;
 * - lib/metadata/get-metadata-route.ts: `getMetadataRouteSuffix`, `normalizeMetadataRoute`,
 *   `normalizeMetadataPageToRoute`, `getStaticMetadataPrerenderPathname`;
 * - shared/lib/hash.ts `djb2Hash`, shared/lib/router/utils/is-dynamic.ts `isDynamicRoute`.
 *
 * `next build` uses two matchers. Turbopack's app structure (crates/next-core/src/next_app/metadata/mod.rs
 * `match_metadata_file`, ported as `matchMetadataFile`) decides which files become routes; the JS build's
 * page list (build/route-discovery.ts `createPagesMapping`, through `isMetadataRouteFile`) decides which of
 * them it prerenders. They differ on numbered files: Turbopack takes any number (`icon10.png`), the JS regex
 * one digit (`icon\d?`), so `icon10.png` is served but never prerendered (checked with a real build).
 */

export const STATIC_METADATA_IMAGES = {
  icon: { filename: 'icon', extensions: ['ico', 'jpg', 'jpeg', 'png', 'svg'] },
  apple: { filename: 'apple-icon', extensions: ['jpg', 'jpeg', 'png'] },
  favicon: { filename: 'favicon', extensions: ['ico'] },
  openGraph: { filename: 'opengraph-image', extensions: ['jpg', 'jpeg', 'png', 'gif'] },
  twitter: { filename: 'twitter-image', extensions: ['jpg', 'jpeg', 'png', 'gif'] },
} as const;

function getExtensionRegexString(staticExtensions: readonly string[], dynamicExtensions: readonly string[] | null): string {
  // No dynamic extensions: only `<name>.<static ext>` files match.
  if (!dynamicExtensions || dynamicExtensions.length === 0) return `(\\.(?:${staticExtensions.join('|')}))`;
  return `(?:\\.(${staticExtensions.join('|')})|(\\.(${dynamicExtensions.join('|')})))`;
}

const FAVICON_REGEX = /^[\\/]favicon\.ico$/;
const ROBOTS_TXT_REGEX = /^[\\/]robots\.txt$/;
const MANIFEST_JSON_REGEX = /^[\\/]manifest\.json$/;
const MANIFEST_WEBMANIFEST_REGEX = /^[\\/]manifest\.webmanifest$/;
const SITEMAP_XML_REGEX = /[\\/]sitemap\.xml$/;
const KEYWORDS = ['robots', 'manifest', 'sitemap', 'icon', 'apple-icon', 'opengraph-image', 'twitter-image', 'favicon'];

function fastPathCheck(normalizedPath: string): boolean | null {
  if (FAVICON_REGEX.test(normalizedPath)) return true;
  if (ROBOTS_TXT_REGEX.test(normalizedPath)) return true;
  if (MANIFEST_JSON_REGEX.test(normalizedPath)) return true;
  if (MANIFEST_WEBMANIFEST_REGEX.test(normalizedPath)) return true;
  if (SITEMAP_XML_REGEX.test(normalizedPath)) return true;
  if (!KEYWORDS.some((keyword) => normalizedPath.includes(keyword))) return false;
  return null;
}

const compiledRegexCache = new Map<string, RegExp[]>();

function getCompiledRegexes(pageExtensions: readonly string[], strictlyMatchExtensions: boolean): RegExp[] {
  const cacheKey = `${pageExtensions.join(',')}|${strictlyMatchExtensions}`;
  const cached = compiledRegexCache.get(cacheKey);
  if (cached) return cached;
  const trailingMatcher = strictlyMatchExtensions ? '$' : '?$';
  // One optional digit (icon0 to icon9), then, outside strict matching, a group or slot hash suffix.
  const suffixMatcher = '\\d?' + (strictlyMatchExtensions ? '' : '(-\\w{6})?');
  const robotsExts = pageExtensions.length > 0 ? [...pageExtensions, 'txt'] : ['txt'];
  const manifestExts = pageExtensions.length > 0 ? [...pageExtensions, 'webmanifest', 'json'] : ['webmanifest', 'json'];
  const regexes = [
    new RegExp(`^[\\\\/]robots${getExtensionRegexString(robotsExts, null)}${trailingMatcher}`),
    new RegExp(`^[\\\\/]manifest${getExtensionRegexString(manifestExts, null)}${trailingMatcher}`),
    new RegExp(`[\\\\/]sitemap${getExtensionRegexString(['xml'], pageExtensions)}${trailingMatcher}`),
    new RegExp(`[\\\\/]icon${suffixMatcher}${getExtensionRegexString(STATIC_METADATA_IMAGES.icon.extensions, pageExtensions)}${trailingMatcher}`),
    new RegExp(`[\\\\/]apple-icon${suffixMatcher}${getExtensionRegexString(STATIC_METADATA_IMAGES.apple.extensions, pageExtensions)}${trailingMatcher}`),
    new RegExp(`[\\\\/]opengraph-image${suffixMatcher}${getExtensionRegexString(STATIC_METADATA_IMAGES.openGraph.extensions, pageExtensions)}${trailingMatcher}`),
    new RegExp(`[\\\\/]twitter-image${suffixMatcher}${getExtensionRegexString(STATIC_METADATA_IMAGES.twitter.extensions, pageExtensions)}${trailingMatcher}`),
  ];
  compiledRegexCache.set(cacheKey, regexes);
  return regexes;
}

/**
 * Whether an app-dir-relative path (`/blog/icon.png`) is a metadata route file. With page extensions,
 * code files (`/robots.ts`) match too; `strictlyMatchExtensions` false also accepts the path without its
 * extension and with a hash suffix (`/twitter-image-abc123`).
 */
export function isMetadataRouteFile(appDirRelativePath: string, pageExtensions: readonly string[], strictlyMatchExtensions: boolean): boolean {
  if (!appDirRelativePath || appDirRelativePath.length < 2) return false;
  const normalizedPath = appDirRelativePath.replace(/\\/g, '/');
  const fastResult = fastPathCheck(normalizedPath);
  if (fastResult !== null) return fastResult;
  return getCompiledRegexes(pageExtensions, strictlyMatchExtensions).some((regex) => regex.test(normalizedPath));
}

/** A file served as it is (`icon.png`, `robots.txt`), not generated by code. */
export function isStaticMetadataFile(appDirRelativePath: string): boolean {
  return isMetadataRouteFile(appDirRelativePath, [], true);
}

/** `/robots`, `/blog/opengraph-image.png`: a page key (no `/route`) of a metadata file. */
export function isMetadataPage(page: string): boolean {
  return !page.endsWith('/route') && isMetadataRouteFile(page, [], false);
}

/**
 * Whether an app path (`/robots.txt/route`, `/opengraph-image/[__metadata_id__]/route`) is a metadata
 * route. export/routes/app-route.ts asks this of every route handler it prerenders: a metadata route is
 * prerendered without the `dynamic = 'force-static'` a plain GET handler needs.
 */
export function isMetadataRoute(route: string): boolean {
  let page = normalizeAppPath(route).replace(/^\/?app\//, '').replace('/[__metadata_id__]', '').replace(/\/route$/, '');
  if (page[0] !== '/') page = '/' + page;
  return route.endsWith('/route') && isMetadataRouteFile(page, [], false);
}

/** shared/lib/router/utils/app-paths.ts `normalizeAppPath`: groups, @slots and the leaf `page`/`route` go. */
function normalizeAppPath(route: string): string {
  const segments = route.split('/');
  const pathname = segments.reduce((result, segment, index) => {
    if (!segment) return result;
    if (segment[0] === '(' && segment.endsWith(')')) return result;
    if (segment[0] === '@') return result;
    if ((segment === 'page' || segment === 'route') && index === segments.length - 1) return result;
    return `${result}/${segment}`;
  }, '');
  return pathname.startsWith('/') ? pathname : `/${pathname}`;
}

/** shared/lib/hash.ts: a 32-bit djb2 over UTF-16 code units. */
export function djb2Hash(str: string): number {
  let hash = 5381;
  for (let i = 0; i < str.length; i++) {
    hash = ((hash << 5) + hash + str.charCodeAt(i)) & 0xffffffff;
  }
  return hash >>> 0;
}

/**
 * A metadata file below a route group or a parallel slot gets a suffix from its parent path, so that
 * `/(a)/opengraph-image` and `/(b)/opengraph-image` do not collide: up to six base-36 characters, fewer
 * when the hash is small (`/dash/@panel` gives `ze3pv`). Sitemaps never get one.
 */
export function getMetadataRouteSuffix(page: string): string {
  const parentPathname = path.posix.dirname(page);
  if (page.endsWith('/sitemap') || page.endsWith('/sitemap.xml')) return '';
  const isGroup = (segment: string): boolean => segment[0] === '(' && segment.endsWith(')');
  const isSlot = (segment: string): boolean => segment.startsWith('@') && segment !== '@children';
  if (parentPathname.split('/').some((segment) => isGroup(segment) || isSlot(segment))) {
    return djb2Hash(parentPathname).toString(36).slice(0, 6);
  }
  return '';
}

/** `/robots` → `/robots.txt/route`, `/(g)/icon.png` → `/(g)/icon-<hash>.png/route`; other pages unchanged. */
export function normalizeMetadataRoute(page: string): string {
  if (!isMetadataPage(page)) return page;
  return metadataRouteOfPage(page);
}

/** `normalizeMetadataRoute` for a page known to be a metadata file (Turbopack's `normalize_metadata_route`). */
export function metadataRouteOfPage(page: string): string {
  let route = page;
  let suffix = '';
  if (page === '/robots') route += '.txt';
  else if (page === '/manifest') route += '.webmanifest';
  else suffix = getMetadataRouteSuffix(page);
  if (!route.endsWith('/route')) {
    const { dir, name, ext } = path.posix.parse(route);
    route = path.posix.join(dir, `${name}${suffix ? `-${suffix}` : ''}${ext}`, 'route');
  }
  return route;
}

/**
 * The final app path: a code file that exports `generateSitemaps` or `generateImageMetadata` serves one
 * URL per id under `/[__metadata_id__]`; a single code sitemap answers at `sitemap.xml`.
 */
export function normalizeMetadataPageToRoute(page: string, isDynamic: boolean): string {
  const isRoute = page.endsWith('/route');
  const routePagePath = isRoute ? page.slice(0, -'/route'.length) : page;
  const metadataRouteExtension = routePagePath.endsWith('/sitemap') ? '.xml' : '';
  const mapped = isDynamic ? `${routePagePath}/[__metadata_id__]` : `${routePagePath}${metadataRouteExtension}`;
  return mapped + (isRoute ? '/route' : '');
}

// shared/lib/router/utils/get-dynamic-param.ts
const PARAMETER_PATTERN = /^([^[]*)\[((?:\[[^\]]*\])|[^\]]+)\](.*)$/;

/**
 * Where `next build` writes a static metadata file that sits below a dynamic segment: once, with each
 * dynamic segment replaced by `-` (`/posts/[id]/icon.png` → `/posts/-/icon.png`), since its bytes do not
 * depend on the params. Null for anything that is not a static metadata file (a grouped one included:
 * its hash suffix fails the strict match, so it gets no such URL).
 */
export function getStaticMetadataPrerenderPathname(pathname: string): string | null {
  const normalized = pathname.startsWith('/') ? pathname : `/${pathname}`;
  if (!isMetadataRouteFile(normalized, [], true)) return null;
  if (!isDynamicRoute(normalized)) return normalized;
  const lastSlash = normalized.lastIndexOf('/');
  if (lastSlash === -1) return normalized;
  const segment = normalized.slice(0, lastSlash) || '/';
  const lastSegment = normalized.slice(lastSlash + 1);
  return fillStaticMetadataSegment(segment, lastSegment);
}

function fillStaticMetadataSegment(segment: string, lastSegment: string): string {
  const route = path.posix.join(
    '/',
    ...normalizeAppPath(segment)
      .split('/')
      .filter(Boolean)
      .map((part) => {
        let normalized = part;
        let match = normalized.match(PARAMETER_PATTERN);
        while (match) {
          normalized = `${match[1]}-${match[3]}`;
          match = normalized.match(PARAMETER_PATTERN);
        }
        return normalized;
      }),
  );
  const { name, ext } = path.posix.parse(lastSegment);
  const suffix = getMetadataRouteSuffix(path.posix.join(segment, name));
  return path.posix.join(route, `${name}${suffix ? `-${suffix}` : ''}${ext}`);
}

// shared/lib/router/utils/interception-routes.ts; '(..)(..)' must be tried before '(..)'.
const INTERCEPTION_ROUTE_MARKERS = ['(..)(..)', '(.)', '(..)', '(...)'] as const;
const TEST_STRICT_ROUTE = /\/\[[^/]+\](?=\/|$)/;

/** is-dynamic.ts `isDynamicRoute` (strict): an interception path is judged by the route it intercepts. */
export function isDynamicRoute(route: string): boolean {
  if (route.split('/').some((segment) => INTERCEPTION_ROUTE_MARKERS.some((m) => segment.startsWith(m)))) {
    route = interceptedRoute(route);
  }
  return TEST_STRICT_ROUTE.test(route);
}

/** interception-routes.ts `extractInterceptionRouteInformation(path).interceptedRoute`, with its errors. */
function interceptedRoute(route: string): string {
  let marker: string | undefined;
  let intercepting: string | undefined;
  let intercepted: string | undefined;
  for (const segment of route.split('/')) {
    marker = INTERCEPTION_ROUTE_MARKERS.find((m) => segment.startsWith(m));
    if (marker) {
      [intercepting, intercepted] = route.split(marker, 2);
      break;
    }
  }
  if (!intercepting || !marker || !intercepted) {
    throw new Error(`Invalid interception route: ${route}. Must be in the format /<intercepting route>/(..|...|..)(..)/<intercepted route>`);
  }
  intercepting = normalizeAppPath(intercepting);
  switch (marker) {
    case '(.)':
      return intercepting === '/' ? `/${intercepted}` : `${intercepting}/${intercepted}`;
    case '(..)':
      if (intercepting === '/') throw new Error(`Invalid interception route: ${route}. Cannot use (..) marker at the root level, use (.) instead.`);
      return intercepting.split('/').slice(0, -1).concat(intercepted).join('/');
    case '(...)':
      return `/${intercepted}`;
    default: {
      const parts = intercepting.split('/');
      if (parts.length <= 2) throw new Error(`Invalid interception route: ${route}. Cannot use (..)(..) marker at the root level or one level up.`);
      return parts.slice(0, -2).concat(intercepted).join('/');
    }
  }
}

export type MetadataType = 'icon' | 'apple-icon' | 'opengraph-image' | 'twitter-image' | 'sitemap' | 'favicon' | 'manifest' | 'robots';

export interface MetadataFileMatch {
  type: MetadataType;
  /** A code file (a page extension: `robots.ts`), not a file served as it is (`robots.txt`). */
  dynamic: boolean;
}

// crates/next-core/src/next_app/metadata/mod.rs: STATIC_LOCAL_METADATA (any folder) and
// STATIC_GLOBAL_METADATA (the app folder itself).
const LOCAL_METADATA: Record<string, readonly string[]> = {
  icon: STATIC_METADATA_IMAGES.icon.extensions,
  'apple-icon': STATIC_METADATA_IMAGES.apple.extensions,
  'opengraph-image': STATIC_METADATA_IMAGES.openGraph.extensions,
  'twitter-image': STATIC_METADATA_IMAGES.twitter.extensions,
  sitemap: ['xml'],
};
const GLOBAL_METADATA: Record<string, readonly string[]> = {
  favicon: ['ico'],
  manifest: ['webmanifest', 'json'],
  robots: ['txt'],
};
const NUMBERED_METADATA = /^(icon|apple-icon|opengraph-image|twitter-image)(\d+)$/;
const U32_MAX = 4294967295;

/**
 * Turbopack's `match_metadata_file`: the name splits at its first dot; a numbered image (`icon3`, `icon12`)
 * counts as its kind; a page extension makes a code file (never for favicon); otherwise the extension
 * must be one the kind accepts. Global kinds only count in the app folder itself.
 */
export function matchMetadataFile(basename: string, inAppRoot: boolean, pageExtensions: readonly string[]): MetadataFileMatch | undefined {
  const dot = basename.indexOf('.');
  if (dot === -1) return undefined;
  const ext = basename.slice(dot + 1);
  let stem = basename.slice(0, dot);
  const numbered = NUMBERED_METADATA.exec(stem);
  if (numbered) {
    // The number must parse as a u32.
    if (Number(numbered[2]) > U32_MAX) return undefined;
    stem = numbered[1]!;
  }
  const extensions = Object.hasOwn(LOCAL_METADATA, stem) ? LOCAL_METADATA[stem] : inAppRoot && Object.hasOwn(GLOBAL_METADATA, stem) ? GLOBAL_METADATA[stem] : undefined;
  if (!extensions) return undefined;
  const type = stem as MetadataType;
  if (stem !== 'favicon' && pageExtensions.includes(ext)) return { type, dynamic: true };
  return extensions.includes(ext) ? { type, dynamic: false } : undefined;
}

/**
 * The files an app path of a metadata route can come from, for readers of a build that only has the app
 * path: `/(g)/icon-<hash>.png/route` → `/(g)/icon.png`; `/robots.txt/route` → `/robots.txt` or
 * `/robots.<ext>`; `/opengraph-image/[__metadata_id__]/route` → `/opengraph-image.<ext>`.
 */
export function metadataSourceCandidates(appPath: string, codeExtensions: readonly string[]): string[] {
  const page = appPath.replace(/\/route$/, '').replace(/\/\[__metadata_id__\]$/, '');
  const slash = page.lastIndexOf('/');
  const dir = page.slice(0, slash);
  let name = page.slice(slash + 1);
  // The suffix depends on the parent path only (getMetadataRouteSuffix); sitemaps have none.
  const suffix = name.startsWith('sitemap') ? '' : getMetadataRouteSuffix(`${dir}/${name}`);
  const dot = name.indexOf('.');
  const base = dot === -1 ? name : name.slice(0, dot);
  if (suffix && base.endsWith(`-${suffix}`)) name = base.slice(0, -suffix.length - 1) + (dot === -1 ? '' : name.slice(dot));
  const candidates: string[] = [];
  if (name.includes('.')) candidates.push(`${dir}/${name}`);
  // A code file gives robots.txt, manifest.webmanifest and sitemap.xml their extension; images have none.
  const stem = name.includes('.') ? /^(robots|manifest|sitemap)\.(txt|webmanifest|xml)$/.exec(name)?.[1] : name;
  if (stem) for (const extension of codeExtensions) candidates.push(`${dir}/${stem}.${extension}`);
  return candidates;
}
