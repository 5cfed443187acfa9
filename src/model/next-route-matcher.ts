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

/**
 * The matcher runs once per URL (getStaticProps' params), so Next's two passes are one here: each value is
 * decoded, then loses a leading `_NEXTSEP_` (Next's `stripParameterSeparators`, `value.replace(/^_NEXTSEP_/,
 * '')`, over the params in the same key order).
 */
export function getRouteMatcher({ re, groups }: RouteRegex): (pathname: string) => false | RouteParams {
  const entries = Object.entries(groups);
  return (pathname: string) => {
    const routeMatch = re.exec(pathname);
    if (!routeMatch) return false;
    const params: RouteParams = {};
    for (const [key, group] of entries) {
      const match = routeMatch[group.pos];
      if (match !== undefined) {
        params[key] = group.repeat ? match.split('/').map((entry) => withoutSeparator(decode(entry))) : withoutSeparator(decode(match));
      }
    }
    return params;
  };
}

function withoutSeparator(value: string): string {
  return value.startsWith(PARAM_SEPARATOR) ? value.slice(PARAM_SEPARATOR.length) : value;
}

function decode(param: string): string {
  // Without a `%`, decodeURIComponent returns its argument and cannot throw.
  if (!param.includes('%')) return param;
  try {
    return decodeURIComponent(param);
  } catch {
    throw new DecodeError('failed to decode param');
  }
}
