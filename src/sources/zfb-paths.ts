import { faultCode } from '../load/call-guard.js';
import { paramNames } from '../model/segments.js';
import type { Diagnostic, Entry, Provider, Segment } from '../model/types.js';
import { ZFB_VERSION, compareBytes } from '../model/zfb-router.js';
import { unwritableParam } from '../model/unwritable-param.js';

/**
 * A zfb `paths()` result into entries, exactly as zfb 0.1.0-next.89 resolves it
 * (crates/zfb-render/src/paths.rs as shipped in next.89, and zfb-runtime's router.js):
 *
 * - the result crosses a JSON boundary (the runtime's `/__paths__` endpoint answers `JSON.stringify(result)`),
 *   so validation runs on the JSON form: `undefined` keys vanish, a Date is a string;
 * - entries are checked in order; within an entry each declared param in route order (missing, then its
 *   value), then extra keys in insertion order, then the URL against earlier entries;
 * - the first failure makes zfb skip the WHOLE route with one `⚠ skipping` line and exit 0. We report
 *   every failing entry (up to a cap) as an error, the first one being the one zfb prints;
 * - URLs are raw (never percent-encoded) and have no trailing slash.
 *
 * On top of zfb's own checks we reject values zfb accepts but mishandles (real builds: the `values zfb
 * writes wrongly` cases of test/zfb/conformance.test.ts): dot segments
 * write outside the route's folder (`..` overwrites the home page), `?` `#` and `%xx` make the render miss
 * and fail the whole build.
 */

/** Enough failing entries to act on without flooding the report for a 100k-entry route. */
const MAX_ENTRY_DIAGNOSTICS = 10;
const PREVIEW_LIMIT = 200;

export interface ZfbPathsTarget {
  /** Project-relative file ('pages/b/[slug].tsx'). */
  file: string;
  segments: Segment[];
  /** zfb's template ('/b/:slug'), used in its messages. */
  template: string;
}

export interface ZfbPathsResolution {
  /** What zfb writes: [] when zfb skips the route. */
  entries: Entry[];
  diagnostics: Diagnostic[];
}

export function zfbPathsProvider(file: string, segments: readonly Segment[]): Provider {
  return { file, function: 'paths', keys: paramNames(segments) };
}

/** serde_json's name for a JSON value's type, as zfb prints it. */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value; // 'number' | 'string' | 'object'
}

export function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > PREVIEW_LIMIT ? `${text.slice(0, PREVIEW_LIMIT)}…` : text;
}

const quoteList = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');

type Checked =
  | { ok: true; url: string; params: Record<string, string | string[]>; catchallStrings: string[] }
  | { ok: false; code: string; message: string };

function invalid(name: string, reason: string): Checked {
  return { ok: false, code: 'ZFB_PATHS_INVALID_PARAM', message: `paths() entry has invalid param \`${name}\`: ${reason}` };
}

/** `catchall_string`: a string (trimmed of `/`, split) or an array of non-empty, slash-free strings. */
function catchallParts(value: unknown, name: string, optional: boolean): string[] | Checked {
  if (typeof value === 'string') {
    const trimmed = value.replace(/^\/+|\/+$/g, '');
    if (trimmed === '') {
      const hint = optional ? ' (use an empty array `[]` for the zero-segment case)' : '';
      return invalid(name, `catchall param string must not be empty${hint}`);
    }
    const parts = trimmed.split('/');
    if (parts.some((p) => p === '')) return invalid(name, 'catchall param string must not contain empty segments');
    return parts;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return optional ? [] : invalid(name, 'catchall param array must not be empty');
    for (const [i, part] of value.entries()) {
      if (typeof part !== 'string') {
        return invalid(name, `catchall param array element ${i} must be a string, got ${jsonKind(part)}`);
      }
      if (part === '') return invalid(name, `catchall param array element ${i} must not be empty`);
      if (part.includes('/')) {
        return invalid(name, `catchall param array element ${i} must not contain \`/\` (split into separate elements)`);
      }
    }
    return value as string[];
  }
  return invalid(name, `catchall param must be a string or array of strings, got ${jsonKind(value)}`);
}

/** One entry (its JSON form) against the route, in paths.rs order. */
function checkEntry(entry: unknown, index: number, segments: readonly Segment[], names: readonly string[]): Checked {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return {
      ok: false,
      code: 'ZFB_PATHS_MALFORMED',
      message: `paths() export is malformed at \`entry[${index}]\`: got ${jsonKind(entry)} (expected an object with \`params\` (and optional \`props\`))`,
    };
  }
  const record = entry as Record<string, unknown>;
  if (!Object.hasOwn(record, 'params')) {
    return {
      ok: false,
      code: 'ZFB_PATHS_MALFORMED',
      message: `paths() export is malformed at \`entry[${index}].params\`: missing (expected an object mapping each route param to a value)`,
    };
  }
  const params = record.params;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    return {
      ok: false,
      code: 'ZFB_PATHS_MALFORMED',
      message: `paths() export is malformed at \`entry[${index}].params\`: got ${jsonKind(params)} (expected an object mapping each route param to a value)`,
    };
  }
  const given = params as Record<string, unknown>;
  const resolved: Record<string, string | string[]> = {};
  const urlParts: string[] = [];
  const catchallStrings: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'static') {
      urlParts.push(segment.value);
      continue;
    }
    const { name } = segment;
    if (!Object.hasOwn(given, name)) {
      const provided = Object.keys(given).sort(compareBytes);
      return {
        ok: false,
        code: 'ZFB_PATHS_MISSING_PARAM',
        message: `paths() entry is missing required param \`${name}\`: params must include \`${name}\`, got [${quoteList(provided)}]`,
      };
    }
    const value = given[name];
    if (segment.kind === 'dynamic') {
      if (typeof value !== 'string') return invalid(name, `dynamic param must be a string, got ${jsonKind(value)}`);
      if (value === '') return invalid(name, 'dynamic param must not be empty');
      if (value.includes('/')) {
        return invalid(name, 'dynamic param must not contain `/` (use a catchall `[...name]` for path-shaped values)');
      }
      resolved[name] = value;
      urlParts.push(value);
    } else {
      const parts = catchallParts(value, name, segment.kind === 'optional-catchall');
      if (!Array.isArray(parts)) return parts;
      if (typeof value === 'string') catchallStrings.push(name);
      resolved[name] = parts;
      urlParts.push(...parts);
    }
  }
  for (const key of Object.keys(given)) {
    if (!names.includes(key)) {
      return {
        ok: false,
        code: 'ZFB_PATHS_EXTRA_PARAM',
        message: `paths() entry has extra param \`${key}\` not in the route template: expected one of [${quoteList(names)}], got \`${key}\``,
      };
    }
  }
  return { ok: true, url: '/' + urlParts.join('/'), params: resolved, catchallStrings };
}

const DOT_SEGMENT = /^\.\.?$/;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * What zfb accepts but then mishandles. `original` is the in-memory params object the runtime matches
 * the rendered URL against (`String(value) === urlParam`, arrays joined with `/`).
 */
function unsafeReason(params: Record<string, string | string[]>, original: unknown, url: string): string | undefined {
  for (const [name, value] of Object.entries(params)) {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (DOT_SEGMENT.test(part)) {
        return `param \`${name}\` has the dot segment ${JSON.stringify(part)}: zfb writes the page outside its folder ` +
          `(output ${JSON.stringify(url.slice(1) + '/index.html')}${part === '..' ? ', which overwrites another page such as the home page' : ''}) and still exits 0`;
      }
      if (/[?#]/.test(part)) {
        const ch = part.includes('?') ? '?' : '#';
        return `param \`${name}\` contains \`${ch}\`, which starts the URL's ${ch === '?' ? 'query' : 'fragment'}: ` +
          `the whole zfb build fails with "render failed for ${url} (status 404): 404 Not Found"`;
      }
      if (PERCENT_ESCAPE.test(part)) {
        return `param \`${name}\` contains the percent escape ${JSON.stringify(PERCENT_ESCAPE.exec(part)![0])}: zfb's router ` +
          `decodes it, the param no longer matches, and the whole build fails with "render failed for ${url} (status 404): 404 Not Found"`;
      }
    }
    const raw = (original as Record<string, unknown> | null | undefined)?.[name];
    const seen = Array.isArray(raw) ? raw.join('/') : String(raw);
    if (seen !== parts.join('/')) {
      return `param \`${name}\` is ${preview(raw)} in memory but ${JSON.stringify(parts.join('/'))} in the URL: zfb's ` +
        `render looks the page up with the in-memory value, misses, and the whole build fails with ` +
        `"render failed for ${url} (status 404): 404 Not Found"`;
    }
  }
  return undefined;
}

function skipLine(target: ZfbPathsTarget, reason: string): string {
  return `⚠ skipping ${target.template} (${target.file}) — ${reason}`;
}

function routeSkipped(target: ZfbPathsTarget, count: string): string {
  return `zfb ${ZFB_VERSION} skips the whole route ${target.template} (${count}) and still exits 0`;
}

/** The tail every "zfb drops this route" diagnostic shares: what zfb does and the one line it prints. */
function skipTail(target: ZfbPathsTarget, count: string, reason: string): string {
  return `${routeSkipped(target, count)}; zfb prints only "${skipLine(target, reason)}"`;
}

function pathsError(target: ZfbPathsTarget, code: string, message: string): Diagnostic {
  return { severity: 'error', code, file: target.file, function: 'paths', message };
}

/** Whether the runtime could send the result at all (`JSON.stringify` throws on BigInt and cycles). */
function toJsonText(result: unknown): { ok: true; text: string | undefined } | { ok: false; error: string } {
  try {
    return { ok: true, text: JSON.stringify(result) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/** Values that are already their own JSON form: strings and arrays of strings. */
function isJsonParams(params: object): boolean {
  if (Array.isArray(params) || 'toJSON' in params) return false;
  const proto = Object.getPrototypeOf(params);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in params) {
    const value = (params as Record<string, unknown>)[key];
    if (typeof value === 'string') continue;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return false;
  }
  return true;
}

/**
 * One entry as zfb's resolver sees it after the JSON boundary, without serialising props (the part that
 * can be large): only `params` is validated, so only `params` needs its JSON form.
 */
function jsonEntry(entry: unknown): unknown {
  if (entry === undefined || typeof entry === 'function' || typeof entry === 'symbol') return null;
  if (typeof entry === 'number') return Number.isFinite(entry) ? entry : null;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  if ('toJSON' in entry) return roundTrip(entry);
  const params = (entry as { params?: unknown }).params;
  if (params === undefined || typeof params === 'function' || typeof params === 'symbol') return {};
  if (params !== null && typeof params === 'object' && isJsonParams(params)) return { params };
  return { params: roundTrip(params) };
}

/** A `paths()` return value (already awaited) into entries and diagnostics. */
export function resolveZfbPaths(result: unknown, target: ZfbPathsTarget): ZfbPathsResolution {
  const json = toJsonText(result);
  if (!json.ok) {
    const line = `worker returned 500 for /__paths__/${target.template}: Internal Server Error`;
    return {
      entries: [],
      diagnostics: [
        pathsError(
          target,
          'ZFB_PATHS_NOT_JSON',
          `paths() returned a value JSON cannot represent (${json.error}): ${skipTail(target, 'every entry', line)}`,
        ),
      ],
    };
  }
  if (json.text === undefined) {
    const line = `could not parse JSON from /__paths__/${target.template}: EOF while parsing a value at line 1 column 0`;
    return {
      entries: [],
      diagnostics: [
        pathsError(
          target,
          'ZFB_PATHS_MALFORMED',
          `paths() returned ${preview(result)} instead of an array: ${skipTail(target, 'no entries', line)}`,
        ),
      ],
    };
  }
  if (!Array.isArray(result)) {
    const message = `paths() export is malformed at \`paths()\`: got ${jsonKind(JSON.parse(json.text))} (expected an array of \`{ params, props }\` objects)`;
    return {
      entries: [],
      diagnostics: [
        pathsError(
          target,
          'ZFB_PATHS_MALFORMED',
          `paths() returned ${preview(result)}, not an array: ${skipTail(target, 'no entries', `${target.template}: ${message}`)}`,
        ),
      ],
    };
  }

  const originals: unknown[] = result;
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const catchallStrings: { index: number; name: string; url: string }[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const fail = (index: number, code: string, message: string) => {
    failures++;
    firstFailure ??= message;
    if (failures > MAX_ENTRY_DIAGNOSTICS) return;
    diagnostics.push(
      pathsError(target, code, `paths() entry ${index} ${preview(originals[index])}: "${target.template}: ${message}"`),
    );
  };

  const names = paramNames(target.segments);
  for (let index = 0; index < originals.length; index++) {
    const checked = checkEntry(jsonEntry(originals[index]), index, target.segments, names);
    if (!checked.ok) {
      fail(index, checked.code, checked.message);
      continue;
    }
    const previous = seen.get(checked.url);
    seen.set(checked.url, index);
    if (previous !== undefined) {
      fail(
        index,
        'ZFB_PATHS_DUPLICATE_URL',
        `paths() produced ambiguous URLs: entries at indices ${previous} and ${index} both resolve to \`${checked.url}\``,
      );
      continue;
    }
    if (checked.catchallStrings.length > 0) {
      catchallStrings.push({ index, name: checked.catchallStrings[0]!, url: checked.url });
    }
    const original = originals[index] as { params?: unknown; props?: unknown };
    const unsafe = unsafeReason(checked.params, original.params, checked.url);
    if (unsafe !== undefined) {
      diagnostics.push(
        pathsError(target, 'ZFB_UNSAFE_PARAM', `paths() entry ${index} ${preview(original)} resolves to ${JSON.stringify(checked.url)}: ${unsafe}`),
      );
    }
    for (const [name, value] of Object.entries(checked.params)) {
      const unwritable = unwritableParam(value);
      if (unwritable) {
        diagnostics.push({
          severity: unwritable.problem.severity,
          code: 'ZFB_PARAM_UNWRITABLE',
          file: target.file,
          function: 'paths',
          message: `paths() entry ${index} has ${name} = ${JSON.stringify(value)} (URL ${JSON.stringify(checked.url)}): ${unwritable.problem.why}, so a static build cannot write this URL`,
        });
      }
    }
    const entry: Entry = { url: checked.url, params: checked.params };
    // The component receives `{ params, ...props }` built from the in-memory props, not their JSON form.
    if (original.props !== undefined && original.props !== null) entry.props = original.props;
    entries.push(entry);
  }

  if (failures > 0) {
    const more = failures - MAX_ENTRY_DIAGNOSTICS;
    diagnostics.push(
      pathsError(
        target,
        'ZFB_ROUTE_SKIPPED',
        `${failures} entr${failures === 1 ? 'y is' : 'ies are'} invalid${more > 0 ? ` (${more} not listed)` : ''}: ` +
          skipTail(target, `all ${originals.length} entries, the valid ones too`, `${target.template}: ${firstFailure}`),
      ),
    );
    return { entries: [], diagnostics };
  }
  const first = catchallStrings[0];
  if (first) {
    diagnostics.push({
      severity: 'warning',
      code: 'ZFB_CATCHALL_STRING',
      file: target.file,
      function: 'paths',
      message:
        `paths() entry ${first.index} ${preview(originals[first.index])} gives the catch-all \`${first.name}\` as a string` +
        `${catchallStrings.length > 1 ? ` (${catchallStrings.length} entries do)` : ''}: zfb ${ZFB_VERSION} accepts it ` +
        `and builds ${first.url}, but the page component receives the raw string, not an array of segments; return an array.`,
    });
  }
  return { entries, diagnostics };
}

/** Exports zfb looks at on a dynamic page; the Next.js name is worth a hint when `paths` is missing. */
export interface ZfbPageExports {
  paths?: unknown;
  getStaticPaths?: unknown;
}

/**
 * Finds `paths`, calls it through `run` (user code runs with the project root as cwd), awaits it and
 * resolves the result. Every failure is a diagnostic; the route keeps `entries: []`.
 */
export async function evaluateZfbPaths(
  module: Record<string, unknown>,
  target: ZfbPathsTarget,
  run: <T>(fn: () => Promise<T> | T) => Promise<T>,
): Promise<ZfbPathsResolution> {
  if (!Object.hasOwn(module, 'paths') || module.paths === undefined) {
    const hint =
      typeof module.getStaticPaths === 'function'
        ? ' zfb does not recognise the Next.js name `getStaticPaths`: export `paths()` returning the bare array of `{ params, props }` instead of `{ paths, fallback }`.'
        : '';
    return {
      entries: [],
      diagnostics: [
        pathsError(
          target,
          'ZFB_MISSING_PATHS',
          `no top-level \`paths\` export found in ${target.file}; dynamic routes require one — add an exported \`paths()\` ` +
            `function that returns the list of URL params (zfb ${ZFB_VERSION} stops the build with this error).${hint}`,
        ),
      ],
    };
  }
  if (typeof module.paths !== 'function') {
    const line = `worker returned 404 for /__paths__/${target.template}: [zfb-runtime] /__paths__: page module for "${target.template}" has no paths() export`;
    return {
      entries: [],
      diagnostics: [
        pathsError(
          target,
          'ZFB_PATHS_NOT_FUNCTION',
          `\`paths\` is exported as ${Array.isArray(module.paths) ? 'an array' : jsonKind(module.paths)} (${preview(module.paths)}), not a function: ` +
            `write \`export function paths() { return [...]; }\`. ${skipTail(target, 'no entries', line)}`,
        ),
      ],
    };
  }
  const fn = module.paths as () => unknown;
  let result: unknown;
  try {
    result = await run(() => Promise.resolve(fn()));
  } catch (error) {
    const fault = faultCode(error);
    if (fault) return { entries: [], diagnostics: [pathsError(target, fault, (error as Error).message)] };
    const thrown = error instanceof Error ? error.message : String(error);
    const line = `worker returned 500 for /__paths__/${target.template}: [zfb-runtime] /__paths__: paths() threw for "${target.template}": ${thrown}`;
    return {
      entries: [],
      diagnostics: [
        pathsError(
          target,
          'ZFB_PATHS_THREW',
          `paths() of ${target.template} threw: ${thrown}. ${skipTail(target, 'no entries', line)}`,
        ),
      ],
    };
  }
  return resolveZfbPaths(result, target);
}
