import { readdirSync } from 'node:fs';
import path from 'node:path';
import { formatPattern } from './segments.js';
import type { Diagnostic, Segment } from './types.js';

/**
 * zfb's file router (crates/zfb-router/src/scan.rs), as zfb 0.1.0-next.89 behaves: which files under
 * pages/ are routes, how a file name becomes segments, the parse and conflict errors with zfb's exact
 * wording, and `sort_routes`. zfb prints absolute paths in its messages; ours print project-relative ones
 * and keep the rest of the text byte for byte.
 */

export const ZFB_VERSION = '0.1.0-next.89';

/** next.89 routes only these (it ignores .ts, .js and .jsx pages); later zfb also routes ts/js/jsx. */
const PAGE_EXTENSIONS = new Set(['tsx', 'mdx', 'md', 'html']);
/** Extensions a user may expect to be pages because newer zfb docs say so. */
const NEWER_PAGE_EXTENSIONS = new Set(['ts', 'js', 'jsx']);
const CLIENT_SCRIPT_EXTENSIONS = ['ts', 'tsx', 'js', 'jsx'];
const SOURCE_EXTENSIONS = ['.mdx', '.tsx', '.ts', '.md', '.html'];

const STATIC_WEIGHT = 100;
const DYNAMIC_WEIGHT = 10;
const CATCHALL_WEIGHT = 1;
const INDEX_BONUS = 1;

export interface ZfbRoute {
  /** Project-relative source file, forward slashes ('pages/blog/[slug].tsx'). */
  file: string;
  /** Relative to pages/ ('blog/[slug].tsx'). */
  relative: string;
  segments: Segment[];
  /** zfb's own Hono template ('/blog/:slug'), the name zfb uses in its messages. */
  template: string;
  /** Ours: '/blog/[slug]'. */
  pattern: string;
  specificity: number;
  sourceExtension: 'tsx' | 'mdx' | 'md' | 'html';
  /** `name.xml.tsx` → 'xml': a non-HTML output written as a bare file. */
  outputExtension?: string;
}

export type ZfbParse = { ok: true; route: ZfbRoute } | { ok: false; diagnostic: Diagnostic };

function error(code: string, file: string, message: string): Diagnostic {
  return { severity: 'error', code, file, message };
}

function warning(code: string, file: string, message: string): Diagnostic {
  return { severity: 'warning', code, file, message };
}

/** Rust's `{:?}` for a str: quoted, with `"` and `\` escaped (what zfb prints for segment and param names). */
export function rustDebugString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\0') out += '\\0';
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

/** Rust `Path::extension`: none for a dot-file such as `.tsx`, else what follows the last dot. */
function rustExtension(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? undefined : name.slice(dot + 1);
}

/** Rust `Path::file_stem`. */
function rustFileStem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

function stripSourceExtension(component: string): string {
  for (const ext of SOURCE_EXTENSIONS) if (component.endsWith(ext)) return component.slice(0, -ext.length);
  return component;
}

function isClientScript(name: string): boolean {
  return CLIENT_SCRIPT_EXTENSIONS.some((ext) => name.endsWith(`.client.${ext}`) && name.length > `.client.${ext}`.length);
}

function invalidSegment(file: string, raw: string, reason: string): Diagnostic {
  return error('ZFB_INVALID_SEGMENT', file, `invalid route segment ${rustDebugString(raw)} in ${file}: ${reason}`);
}

function validParamName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}

/** `parse_segment`: the checks run in zfb's order, so the first failing one names the same reason. */
export function parseZfbSegment(raw: string, file: string): Segment | Diagnostic {
  if (raw === '') return invalidSegment(file, raw, 'empty path component');
  const starts = raw.startsWith('[');
  const ends = raw.endsWith(']');
  if (starts !== ends) return invalidSegment(file, raw, 'unbalanced brackets');
  if (!starts) return { kind: 'static', value: raw };
  const badName = (name: string): Diagnostic => invalidSegment(file, raw, `invalid parameter name ${rustDebugString(name)}`);
  if (raw.startsWith('[[') && raw.endsWith(']]')) {
    const inner = raw.slice(2, -2);
    if (!inner.startsWith('...')) {
      return invalidSegment(file, raw, 'double brackets are only valid as an optional catchall `[[...name]]`');
    }
    const name = inner.slice(3);
    if (name === '') return invalidSegment(file, raw, 'empty optional catchall parameter name');
    return validParamName(name) ? { kind: 'optional-catchall', name } : badName(name);
  }
  const inner = raw.slice(1, -1);
  if (inner === '') return invalidSegment(file, raw, 'empty parameter name');
  if (inner.startsWith('...')) {
    const name = inner.slice(3);
    if (name === '') return invalidSegment(file, raw, 'empty catchall parameter name');
    return validParamName(name) ? { kind: 'catchall', name } : badName(name);
  }
  return validParamName(inner) ? { kind: 'dynamic', name: inner } : badName(inner);
}

function isDiagnostic(value: Segment | Diagnostic): value is Diagnostic {
  return 'severity' in value;
}

/** zfb's Hono template: '/', '/blog/:slug', '/docs/:path{.+}', '/opt/:rest{.+}?'. */
export function zfbTemplate(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments.map((s) => '/' + segmentTemplate(s)).join('');
}

function segmentTemplate(segment: Segment): string {
  switch (segment.kind) {
    case 'static':
      return segment.value;
    case 'dynamic':
      return `:${segment.name}`;
    case 'catchall':
      return `:${segment.name}{.+}`;
    case 'optional-catchall':
      return `:${segment.name}{.+}?`;
  }
}

/** `shape_key`: param names erased, so two keys are equal exactly when the routes match the same URLs. */
export function zfbShapeKey(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments
    .map((s) => '/' + (s.kind === 'static' ? s.value : s.kind === 'dynamic' ? ':*' : ':...'))
    .join('');
}

/**
 * `parse_route` for one accepted page file. `relative` is relative to pages/ with forward slashes; `file`
 * is the project-relative name used in messages.
 */
export function parseZfbRoute(relative: string, file: string): ZfbParse {
  const components = relative.split('/');
  const last = components.length - 1;
  const raw: string[] = [];
  let outputExtension: string | undefined;
  components.forEach((component, i) => {
    if (i !== last) {
      raw.push(component);
      return;
    }
    const stem = stripSourceExtension(component);
    // Only .tsx/.ts sources carry an output-extension hint; a `[param]` stem's dots are bracket syntax.
    if ((component.endsWith('.tsx') || component.endsWith('.ts')) && !stem.startsWith('[')) {
      const dot = stem.lastIndexOf('.');
      if (dot > 0 && dot < stem.length - 1) outputExtension = stem.slice(dot + 1);
    }
    const head = stem.includes('.') ? stem.slice(0, stem.indexOf('.')) : stem;
    if (head !== 'index') raw.push(stem);
  });

  const segments: Segment[] = [];
  for (const [i, part] of raw.entries()) {
    const parsed = parseZfbSegment(part, file);
    if (isDiagnostic(parsed)) return { ok: false, diagnostic: parsed };
    if ((parsed.kind === 'catchall' || parsed.kind === 'optional-catchall') && i !== raw.length - 1) {
      return {
        ok: false,
        diagnostic: error(
          'ZFB_CATCHALL_NOT_LAST',
          file,
          `catchall segment ${rustDebugString(part)} in ${file} must be the last segment of the route`,
        ),
      };
    }
    segments.push(parsed);
  }

  const specificity = zfbSpecificity(segments, file);
  const sourceExtension = rustExtension(components[last]!) as ZfbRoute['sourceExtension'];
  const route: ZfbRoute = {
    file,
    relative,
    segments,
    template: zfbTemplate(segments),
    pattern: formatPattern(segments),
    specificity,
    sourceExtension,
  };
  if (outputExtension !== undefined) route.outputExtension = outputExtension;
  return { ok: true, route };
}

/** What the scan decides for one file under pages/. */
export type ZfbFileVerdict =
  | { kind: 'route'; route: ZfbRoute; diagnostics: Diagnostic[] }
  | { kind: 'skipped'; diagnostics: Diagnostic[] }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

/**
 * One file (relative to pages/, forward slashes) through next.89's filters, in scan.rs order: `_` names
 * at any depth, `*.client.*` entries, the extension allowlist, the parse, then dynamic .md/.html.
 * `pagesPrefix` is pages/ relative to the project root ('pages').
 */
export function classifyZfbFile(relative: string, pagesPrefix: string): ZfbFileVerdict {
  const file = pagesPrefix ? `${pagesPrefix}/${relative}` : relative;
  const components = relative.split('/');
  const name = components[components.length - 1]!;
  if (components.some((c) => c.startsWith('_'))) return { kind: 'skipped', diagnostics: [] };
  if (isClientScript(name)) return { kind: 'skipped', diagnostics: [] };
  const ext = rustExtension(name);
  if (ext === undefined || !PAGE_EXTENSIONS.has(ext)) {
    if (ext !== undefined && NEWER_PAGE_EXTENSIONS.has(ext) && !name.endsWith('.d.ts')) {
      return {
        kind: 'skipped',
        diagnostics: [
          warning(
            'ZFB_IGNORED_EXTENSION',
            file,
            `${file} is not a page: zfb ${ZFB_VERSION} ignores .${ext} files in pages/ without a word ` +
              '(accepted extensions are: tsx, mdx, md, html; newer zfb releases also accept ts, js and jsx). ' +
              'Rename it to .tsx to make it a route.',
          ),
        ],
      };
    }
    return { kind: 'skipped', diagnostics: [] };
  }
  const parsed = parseZfbRoute(relative, file);
  if (!parsed.ok) return { kind: 'invalid', diagnostics: [parsed.diagnostic] };
  const route = parsed.route;
  if ((ext === 'md' || ext === 'html') && route.segments.some((s) => s.kind !== 'static')) {
    return {
      kind: 'skipped',
      diagnostics: [
        warning(
          'ZFB_DYNAMIC_STATIC_FILE',
          file,
          `${file} is not built: zfb ${ZFB_VERSION} skips dynamic .${ext} pages ("dynamic .md / .html page routes ` +
            'are not supported in v1 (no paths() story); this file will be skipped — author it as .tsx if dynamic ' +
            'paths are needed") and does not print the warning by default.',
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const stem = stripSourceExtension(name);
  if (route.outputExtension !== undefined && stem.split('.')[0] === 'index') {
    // parse_route drops the `index` segment but the runtime never serves the file: verified on next.89.
    diagnostics.push(
      error(
        'ZFB_INDEX_EXTENSION',
        file,
        `${file}: zfb ${ZFB_VERSION} cannot build an \`index.<ext>.tsx\` page: the build fails with ` +
          `"render failed for ${route.template} (status 404): 404 Not Found". ` +
          `Give the file a name of its own (e.g. \`feed.${route.outputExtension}.tsx\`).`,
      ),
    );
  }
  return { kind: 'route', route, diagnostics };
}

/** Byte order of UTF-8 strings (= code point order), as Rust compares `str` and `OsStr`. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** Rust `Path::cmp`: component by component, so 'a.tsx' sorts after 'a/b.tsx' (unlike a string compare). */
function comparePaths(a: string, b: string): number {
  const ca = a.split('/');
  const cb = b.split('/');
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = compareBytes(ca[i]!, cb[i]!);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/** `score`: per segment static 100, dynamic 10, catchall 1, plus 1 for a file whose stem is `index`. */
export function zfbSpecificity(segments: readonly Segment[], file: string): number {
  let total = 0;
  for (const s of segments) {
    total += s.kind === 'static' ? STATIC_WEIGHT : s.kind === 'dynamic' ? DYNAMIC_WEIGHT : CATCHALL_WEIGHT;
  }
  return rustFileStem(file.slice(file.lastIndexOf('/') + 1)) === 'index' ? total + INDEX_BONUS : total;
}

type Sortable = { segments: readonly Segment[]; file: string };

function rank(segment: Segment): number {
  return segment.kind === 'static' ? 0 : segment.kind === 'dynamic' ? 1 : 2;
}

/**
 * `sort_routes`, in its order:
 * 1. per-segment rank vectors (static 0, dynamic 1, catchall 2) compared left to right; a prefix sorts first;
 * 2. specificity, descending (static 100, dynamic 10, catchall 1 per segment, +1 for an `index` stem);
 * 3. source path, component by component.
 */
export function compareZfbRoutes(a: Sortable, b: Sortable): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const d = rank(a.segments[i]!) - rank(b.segments[i]!);
    if (d !== 0) return d;
  }
  if (a.segments.length !== b.segments.length) return a.segments.length - b.segments.length;
  const sa = zfbSpecificity(a.segments, a.file);
  const sb = zfbSpecificity(b.segments, b.file);
  if (sa !== sb) return sb - sa;
  return comparePaths(a.file, b.file);
}

/** Routes (ours or zfb's) in the order zfb registers them; the input is left untouched. */
export function sortZfbRoutes<T extends Sortable>(routes: readonly T[]): T[] {
  return [...routes].sort(compareZfbRoutes);
}

/**
 * `detect_ambiguity` over routes in walk order. zfb stops at the first conflict (exit 1); we report every
 * one it would find if each were fixed in turn, optional-catchall conflicts first as zfb checks them.
 */
export function detectZfbConflicts(routes: readonly ZfbRoute[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const pairKey = (a: ZfbRoute, b: ZfbRoute) => [a.file, b.file].sort().join('\0');
  for (const [i, route] of routes.entries()) {
    const lastSeg = route.segments[route.segments.length - 1];
    if (lastSeg?.kind !== 'optional-catchall') continue;
    const prefix = route.segments.slice(0, -1);
    const prefixShape = zfbShapeKey(prefix);
    const prefixTemplate = zfbTemplate(prefix);
    for (const [j, other] of routes.entries()) {
      if (i === j || reported.has(pairKey(other, route))) continue;
      let reason: string | undefined;
      const otherLast = other.segments[other.segments.length - 1];
      if (zfbShapeKey(other.segments) === prefixShape) {
        reason = `both serve the bare URL \`${prefixTemplate}\` (an optional catchall \`[[...name]]\` matches zero segments)`;
      } else if (
        (otherLast?.kind === 'catchall' || otherLast?.kind === 'optional-catchall') &&
        zfbShapeKey(other.segments.slice(0, -1)) === prefixShape
      ) {
        reason = `two catchall routes at the same prefix \`${prefixTemplate}\` overlap on every non-empty path; keep exactly one of them`;
      }
      if (reason === undefined) continue;
      reported.add(pairKey(other, route));
      diagnostics.push(
        error('ZFB_OPTIONAL_CATCHALL_CONFLICT', route.file, `conflicting routes ${other.file} and ${route.file}: ${reason}`),
      );
    }
  }
  const seen = new Map<string, ZfbRoute>();
  for (const route of routes) {
    const key = zfbShapeKey(route.segments);
    const previous = seen.get(key);
    seen.set(key, route);
    if (!previous || reported.has(pairKey(previous, route))) continue;
    if (previous.template === route.template) {
      diagnostics.push(
        error(
          'ZFB_AMBIGUOUS_ROUTE',
          route.file,
          `ambiguous route ${rustDebugString(route.template)}: produced by both ${previous.file} and ${route.file}`,
        ),
      );
    } else {
      diagnostics.push(
        error(
          'ZFB_AMBIGUOUS_SHAPE',
          route.file,
          `ambiguous route shape ${rustDebugString(key)}: ${previous.file} and ${route.file} differ only in parameter ` +
            'names and match the same URLs; rename one to a distinct path or remove it',
        ),
      );
    }
  }
  return diagnostics;
}

export interface ZfbScan {
  /** In zfb's walk order (the order its conflict messages depend on), not yet sorted. */
  routes: ZfbRoute[];
  diagnostics: Diagnostic[];
}

/**
 * Walks pages/ as zfb's WalkDir does: depth first, each directory's entries sorted by name (bytes),
 * symlinks neither followed nor taken as files.
 */
export function listZfbPageFiles(pagesDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareBytes(a.name, b.name));
    for (const entry of entries) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) out.push(relative);
    }
  };
  walk(pagesDir, '');
  return out;
}

/** Every file of pages/ through the filters and the parser, then the conflict checks. */
export function scanZfbPages(root: string, pagesDir: string): ZfbScan {
  const prefix = path.relative(root, pagesDir).split(path.sep).join('/');
  const routes: ZfbRoute[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const relative of listZfbPageFiles(pagesDir)) {
    const verdict = classifyZfbFile(relative, prefix);
    diagnostics.push(...verdict.diagnostics);
    if (verdict.kind === 'route') routes.push(verdict.route);
  }
  diagnostics.push(...detectZfbConflicts(routes));
  return { routes, diagnostics };
}
