/**
 * App-router segment names into params, as next@16.4.6 reads them
 * (shared/lib/router/utils/get-segment-param.ts, interception-prefix-from-param-type.ts).
 */

export type AppParamType =
  | 'dynamic'
  | 'catchall'
  | 'optional-catchall'
  | `dynamic-intercepted-${InterceptionMarker}`
  | `catchall-intercepted-${InterceptionMarker}`;

export type InterceptionMarker = '(..)(..)' | '(.)' | '(..)' | '(...)';

// Next's INTERCEPTION_ROUTE_MARKERS, in its order: '(..)(..)' must be tried before '(..)'.
export const INTERCEPTION_MARKERS: readonly InterceptionMarker[] = ['(..)(..)', '(.)', '(..)', '(...)'];

export interface SegmentParam {
  paramName: string;
  paramType: AppParamType;
}

/** shared/lib/router/utils/get-segment-param.ts `getSegmentParam`. */
export function getSegmentParam(segment: string): SegmentParam | null {
  const marker = INTERCEPTION_MARKERS.find((m) => segment.startsWith(m));
  if (marker) segment = segment.slice(marker.length);
  if (segment.startsWith('[[...') && segment.endsWith(']]')) {
    // Next ignores an interception marker here too (its TODO-APP note).
    return { paramType: 'optional-catchall', paramName: segment.slice(5, -2) };
  }
  if (segment.startsWith('[...') && segment.endsWith(']')) {
    return { paramType: marker ? `catchall-intercepted-${marker}` : 'catchall', paramName: segment.slice(4, -1) };
  }
  if (segment.startsWith('[') && segment.endsWith(']')) {
    return { paramType: marker ? `dynamic-intercepted-${marker}` : 'dynamic', paramName: segment.slice(1, -1) };
  }
  return null;
}

export function getParamProperties(paramType: AppParamType): { repeat: boolean; optional: boolean } {
  if (paramType === 'optional-catchall') return { repeat: true, optional: true };
  return { repeat: paramType.startsWith('catchall'), optional: false };
}

/** The interception marker a param keeps in front of its value in the pathname (`/ic/(.)photo`). */
export function interceptionPrefix(paramType: AppParamType): string {
  const match = /-intercepted-(.+)$/.exec(paramType);
  return match ? match[1]! : '';
}
