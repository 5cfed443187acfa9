import { removeTrailingSlash } from './encode.js';

/**
 * Next.js 16.4.6's route regex and matcher (shared/lib/router/utils/route-regex.ts `getRouteRegex`,
 * route-matcher.ts `getRouteMatcher`, route-match-utils.ts `safeRouteMatcher`), which `getStaticPaths`
 * string paths are matched with. Ported statement by statement: the quirks (a segment's text around
 * `[x]` is dropped from the regex, a `_NEXTSEP_` prefix is stripped from matched values, a malformed
 * escape throws) are part of what the build accepts.
 */

export interface RouteGroup {
  pos: number;
  repeat: boolean;
  optional: boolean;
}

export interface RouteRegex {
  re: RegExp;
  groups: Record<string, RouteGroup>;
}

export type RouteParams = Record<string, string | string[]>;

// Order matters: the first marker a segment starts with wins (interception-routes.ts).
const INTERCEPTION_ROUTE_MARKERS = ['(..)(..)', '(.)', '(..)', '(...)'] as const;

// get-dynamic-param.ts
const PARAMETER_PATTERN = /^([^[]*)\[((?:\[[^\]]*\])|[^\]]+)\](.*)$/;

const PARAM_SEPARATOR = '_NEXTSEP_';

/** Next's `DecodeError`: what a string path with a malformed `%` escape in a param throws. */
export class DecodeError extends Error {}

function escapeStringRegexp(str: string): string {
  return str.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');
}

function parseMatchedParameter(param: string): { key: string; repeat: boolean; optional: boolean } {
  const optional = param.startsWith('[') && param.endsWith(']');
  if (optional) param = param.slice(1, -1);
  const repeat = param.startsWith('...');
  if (repeat) param = param.slice(3);
  return { key: param, repeat, optional };
}

export function getRouteRegex(normalizedRoute: string): RouteRegex {
  const groups: Record<string, RouteGroup> = {};
  let groupIndex = 1;
  const segments: string[] = [];
  for (const segment of removeTrailingSlash(normalizedRoute).slice(1).split('/')) {
    const markerMatch = INTERCEPTION_ROUTE_MARKERS.find((m) => segment.startsWith(m));
    const paramMatches = segment.match(PARAMETER_PATTERN);
    if (markerMatch && paramMatches && paramMatches[2]) {
      const { key, optional, repeat } = parseMatchedParameter(paramMatches[2]);
      groups[key] = { pos: groupIndex++, repeat, optional };
      segments.push(`/${escapeStringRegexp(markerMatch)}([^/]+?)`);
    } else if (paramMatches && paramMatches[2]) {
      const { key, repeat, optional } = parseMatchedParameter(paramMatches[2]);
      groups[key] = { pos: groupIndex++, repeat, optional };
      segments.push(repeat ? (optional ? '(?:/(.+?))?' : '/(.+?)') : '/([^/]+?)');
    } else {
      segments.push(`/${escapeStringRegexp(segment)}`);
    }
  }
  return { re: new RegExp(`^${segments.join('')}(?:/)?$`), groups };
}

// Compiled once: the matcher runs once per URL (getStaticProps' params).
const LEADING_SEPARATOR = new RegExp(`^${PARAM_SEPARATOR}`);

function stripParameterSeparators(params: RouteParams): RouteParams {
  const cleaned: RouteParams = {};
  const leading = LEADING_SEPARATOR;
  for (const [key, value] of Object.entries(params)) {
    cleaned[key] = typeof value === 'string' ? value.replace(leading, '') : value.map((item) => item.replace(leading, ''));
  }
  return cleaned;
}

export function getRouteMatcher({ re, groups }: RouteRegex): (pathname: string) => false | RouteParams {
  const entries = Object.entries(groups);
  return (pathname: string) => {
    const routeMatch = re.exec(pathname);
    if (!routeMatch) return false;
    const params: RouteParams = {};
    for (const [key, group] of entries) {
      const match = routeMatch[group.pos];
      if (match !== undefined) {
        params[key] = group.repeat ? match.split('/').map((entry) => decode(entry)) : decode(match);
      }
    }
    return stripParameterSeparators(params);
  };
}

function decode(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    throw new DecodeError('failed to decode param');
  }
}
