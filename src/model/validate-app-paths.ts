import {
  getParamProperties,
  getSegmentParam,
  INTERCEPTION_MARKERS,
  type InterceptionMarker,
  type SegmentParam,
} from './app-segment-param.js';

/**
 * next@16.4.6 `build/validate-app-paths.ts`: the app router's own
 * route checks, which are not the pages router's trie (`/[a]/x` + `/[b]/y` is allowed here). Throws the
 * build's exact message on the first problem, as Next does; callers turn it into a diagnostic.
 */

type RouteSegment =
  | { type: 'static'; name: string; interceptionMarker?: InterceptionMarker }
  | { type: 'dynamic'; name: string; param: SegmentParam; interceptionMarker?: InterceptionMarker };

interface AppRoute {
  pathname: string;
  segments: RouteSegment[];
  interceptingRoute?: AppRoute;
  interceptedRoute?: AppRoute;
}

// routes/app.ts `normalizeEncodedDynamicPlaceholder`: '%5Bid%5D' is read as '[id]'.
function normalizeEncodedDynamicPlaceholder(segment: string): string {
  if (!/%5b|%5d/i.test(segment)) return segment;
  try {
    const decoded = decodeURIComponent(segment);
    return getSegmentParam(decoded) ? decoded : segment;
  } catch {
    return segment;
  }
}

/** routes/app.ts `parseNormalizedAppRoute` (route groups and slots are already gone). */
function parseRoute(pathname: string): AppRoute {
  const route: AppRoute = { pathname, segments: [] };
  for (const raw of pathname.split('/').filter(Boolean)) {
    const name = normalizeEncodedDynamicPlaceholder(raw);
    const interceptionMarker = INTERCEPTION_MARKERS.find((m) => name.startsWith(m));
    const param = getSegmentParam(name);
    const segment: RouteSegment = param ? { type: 'dynamic', name, param } : { type: 'static', name };
    if (interceptionMarker) segment.interceptionMarker = interceptionMarker;
    route.segments.push(segment);
    if (interceptionMarker) {
      const parts = pathname.split(interceptionMarker);
      if (parts.length !== 2) throw new Error(`Invalid interception route: ${pathname}`);
      route.interceptingRoute = parseRoute(parts[0]!);
      route.interceptedRoute = parseRoute(parts[1]!);
    }
  }
  return route;
}

function validateSegmentParam(param: SegmentParam, pathname: string): void {
  if (param.paramName.length === 0) {
    throw new Error(`Parameter names cannot be empty in route "${pathname}".`);
  }
  if (param.paramName.includes('…')) {
    throw new Error(
      `Detected a three-dot character ('…') in parameter "${param.paramName}" in route "${pathname}". Did you mean ('...')?`,
    );
  }
  if (param.paramType !== 'optional-catchall' && param.paramName.startsWith('[') && param.paramName.endsWith(']')) {
    throw new Error(`Optional route parameters are not yet supported ("[${param.paramName}]") in route "${pathname}".`);
  }
  if (param.paramName.startsWith('[') || param.paramName.endsWith(']')) {
    throw new Error(`Segment names may not start or end with extra brackets ('${param.paramName}') in route "${pathname}".`);
  }
  if (param.paramName.startsWith('.')) {
    throw new Error(`Segment names may not start with erroneous periods ('${param.paramName}') in route "${pathname}".`);
  }
}

function validateAppRoute(route: AppRoute): void {
  // An interception route is checked as its two halves, so both may reuse a param name.
  if (route.interceptingRoute && route.interceptedRoute) {
    validateAppRoute(route.interceptingRoute);
    validateAppRoute(route.interceptedRoute);
    return;
  }
  const slugNames = new Set<string>();
  const normalizedNames = new Set<string>();
  let hasCatchAll = false;
  let hasOptionalCatchAll = false;
  let catchAllPosition = -1;
  route.segments.forEach((segment, i) => {
    if (segment.type === 'dynamic') {
      validateSegmentParam(segment.param, route.pathname);
      const { repeat, optional } = getParamProperties(segment.param.paramType);
      if (repeat) {
        if (optional) hasOptionalCatchAll = true;
        else hasCatchAll = true;
        catchAllPosition = i;
      }
      const name = segment.param.paramName;
      if (slugNames.has(name)) {
        throw new Error(`You cannot have the same slug name "${name}" repeat within a single dynamic path in route "${route.pathname}".`);
      }
      const normalized = name.replace(/\W/g, '');
      if (normalizedNames.has(normalized)) {
        const existing = [...slugNames].find((s) => s.replace(/\W/g, '') === normalized);
        throw new Error(
          `You cannot have the slug names "${existing}" and "${name}" differ only by non-word symbols within a single dynamic path in route "${route.pathname}".`,
        );
      }
      slugNames.add(name);
      normalizedNames.add(normalized);
    }
    if (hasCatchAll && i > catchAllPosition) {
      throw new Error(`Catch-all must be the last part of the URL in route "${route.pathname}".`);
    }
    if (hasOptionalCatchAll && i > catchAllPosition) {
      throw new Error(`Optional catch-all must be the last part of the URL in route "${route.pathname}".`);
    }
  });
  if (hasCatchAll && hasOptionalCatchAll) {
    throw new Error(`You cannot use both a required and optional catch-all route at the same level in route "${route.pathname}".`);
  }
}

/** `[slug]` → `[*]`, keeping interception markers, so routes can be compared by structure. */
function normalizeSegments(segments: readonly RouteSegment[]): string {
  return '/' + segments.map((s) => (s.type === 'static' ? s.name : s.name.replace(s.param.paramName, '*'))).join('/');
}

/**
 * Validates normalised app routes (groups and @slots removed), given in Next's discovery order, which
 * decides which error is reported first and the order of the ambiguous routes in the message.
 */
export function validateAppPaths(appPaths: readonly string[]): void {
  const routes = new Map<string, AppRoute>();
  for (const p of appPaths) {
    const route = parseRoute(p);
    validateAppRoute(route);
    routes.set(p, route);
  }

  const structures = new Map<string, string[]>();
  for (const [p, route] of routes) {
    const last = route.segments[route.segments.length - 1];
    if (last?.type === 'dynamic' && last.param.paramType === 'optional-catchall') {
      const prefix = route.segments.slice(0, -1);
      const normalizedPrefix = normalizeSegments(prefix);
      for (const [other, otherRoute] of routes) {
        if (prefix.length === 0 && other === '/') {
          throw new Error(
            `You cannot define a route with the same specificity as an optional catch-all route ("${other}" and "/[[...${last.param.paramName}]]").`,
          );
        }
        if (normalizeSegments(otherRoute.segments) === normalizedPrefix) {
          throw new Error(
            `You cannot define a route with the same specificity as an optional catch-all route ("${other}" and "${normalizedPrefix}/[[...${last.param.paramName}]]").`,
          );
        }
      }
    }
    const structure = normalizeSegments(route.segments);
    const list = structures.get(structure) ?? [];
    list.push(p);
    structures.set(structure, list);
  }

  const conflicts = [...structures].filter(([, paths]) => paths.length > 1);
  if (conflicts.length > 0) {
    const messages = conflicts.map(
      ([structure, paths]) =>
        `Ambiguous route pattern "${structure}" matches multiple routes:\n${paths.map((p) => `  - ${p}`).join('\n')}`,
    );
    throw new Error(
      `Ambiguous app routes detected:\n\n${messages.join('\n\n')}\n\n` +
        `These routes cannot be distinguished from each other when matching URLs. ` +
        `Please ensure that dynamic segments have unique patterns or use different static segments.`,
    );
  }
}

/** The first problem `validateAppPaths` finds, or undefined. */
export function appPathsError(appPaths: readonly string[]): string | undefined {
  try {
    validateAppPaths(appPaths);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
