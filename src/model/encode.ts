/**
 * URL building and encoding exactly as Next.js 16.4.6 does it
 * (shared/lib/router/utils/escape-path-delimiters.ts, build/static-paths/utils.ts `encodeParam` and
 * `normalizePathname`), plus zfb's raw form.
 */

// `/ # ? \` would change the meaning of a path, and an already-encoded form of them would be decoded by the
// server into one, so Next escapes both (escape-path-delimiters.ts, `escapeEncoded = true`).
const DELIMITERS_AND_ENCODED = /([/#?\\]|%(2f|23|3f|5c))/gi;

export function escapePathDelimiters(segment: string): string {
  return segment.replace(DELIMITERS_AND_ENCODED, (c) => encodeURIComponent(c));
}

/** Next's `normalizePathname`: backslashes become `/`, one trailing slash is dropped (never the root's). */
export function normalizePathname(pathname: string): string {
  return pathname.replace(/\\/g, '/').replace(/(?!^)\/$/, '');
}

/** Next's `encodeParam`: each array element is encoded on its own, then joined with `/`. */
export function encodeParam(value: unknown, encode: (segment: string) => string): string {
  const parts = Array.isArray(value) ? value : [value];
  return parts.map((part) => encode(part as string)).join('/');
}

/** Next's `removeTrailingSlash`. */
export function removeTrailingSlash(route: string): string {
  return route.replace(/\/$/, '') || '/';
}
