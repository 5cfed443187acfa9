import type { Diagnostic, Entry, Provider, Route, RouteModel } from '../model/types.js';

/**
 * The routes JSON contract (README "Routes JSON"). Every object is rebuilt with its keys in one fixed
 * order and undefined fields left out, so two runs over the same project are byte-identical whatever
 * order the front-ends filled them in.
 */
export function toRoutesJson(model: RouteModel): string {
  const ordered = {
    version: ROUTES_JSON_VERSION,
    root: model.root,
    next: model.next && { installed: model.next.installed, rules: model.next.rules },
    routes: model.routes.map(orderRoute),
    diagnostics: model.diagnostics.map(orderDiagnostic),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

function orderRoute(route: Route) {
  return {
    pattern: route.pattern,
    file: route.file,
    origin: route.origin,
    kind: route.kind,
    unmatched: route.unmatched,
    providers: route.providers.map((p: Provider) => ({ file: p.file, function: p.function, keys: p.keys })),
    entries: route.entries.map(orderEntry),
  };
}

function orderEntry(entry: Entry) {
  return {
    url: entry.url,
    encodedUrl: entry.encodedUrl,
    locale: entry.locale,
    params: sortKeys(entry.params),
    props: entry.props,
  };
}

function orderDiagnostic(d: Diagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    file: d.file,
    line: d.line,
    column: d.column,
    function: d.function,
    message: d.message,
  };
}

function sortKeys(params: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(params);
  // Keys in order already (one key, the common case) need no new object: there is one per URL.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) return Object.fromEntries(keys.sort().map((k) => [k, params[k]]));
  }
  return params;
}

/** The routes JSON version this zfb-next writes and reads (README, "Routes JSON"). */
export const ROUTES_JSON_VERSION = 1;

/** Routes JSON that this version cannot read; the message says which part is wrong. */
export class RoutesJsonError extends Error {
  override name = 'RoutesJsonError';
}

/**
 * Reads parsed routes JSON back, checking the parts consumers rely on, so that a hand-edited or truncated
 * file fails with the place that is wrong rather than with a TypeError later. A newer `version` is refused:
 * its meaning may have changed in ways this reader cannot see.
 */
export function parseRoutesJson(value: unknown): RouteModel {
  const fail = (reason: string): never => {
    throw new RoutesJsonError(reason);
  };
  if (!isRecord(value)) return fail('routes JSON must be an object with "version" and "routes"');
  const { version } = value;
  if (typeof version === 'number' && version > ROUTES_JSON_VERSION) {
    fail(`routes JSON version ${version} is newer than this zfb-next reads (version ${ROUTES_JSON_VERSION}); upgrade zfb-next`);
  }
  if (version !== ROUTES_JSON_VERSION) {
    fail(`routes JSON "version" must be ${ROUTES_JSON_VERSION}, got ${JSON.stringify(version) ?? 'nothing'}`);
  }
  if (!Array.isArray(value.routes)) fail('routes JSON "routes" must be an array');
  const routes = value.routes as unknown[];
  routes.forEach((route, i) => {
    if (!isRecord(route)) return fail(`routes[${i}] must be an object`);
    for (const key of ['pattern', 'file'] as const) {
      if (typeof route[key] !== 'string') fail(`routes[${i}].${key} must be a string`);
    }
    oneOf(route.origin, ORIGINS, `routes[${i}].origin`);
    oneOf(route.unmatched, UNMATCHED, `routes[${i}].unmatched`);
    if (!Array.isArray(route.providers)) fail(`routes[${i}].providers must be an array`);
    (route.providers as unknown[]).forEach((provider, j) => {
      if (!isRecord(provider) || typeof provider.function !== 'string') {
        fail(`routes[${i}].providers[${j}].function must be a string`);
      }
    });
    if (!Array.isArray(route.entries)) fail(`routes[${i}].entries must be an array`);
    (route.entries as unknown[]).forEach((entry, j) => {
      if (!isRecord(entry) || typeof entry.url !== 'string') fail(`routes[${i}].entries[${j}].url must be a string`);
    });
  });
  if (value.diagnostics !== undefined && !Array.isArray(value.diagnostics)) fail('routes JSON "diagnostics" must be an array');
  const diagnostics = (value.diagnostics ?? []) as unknown[];
  diagnostics.forEach((d, i) => {
    if (!isRecord(d)) return fail(`diagnostics[${i}] must be an object, got ${JSON.stringify(d) ?? String(d)}`);
    oneOf(d.severity, SEVERITIES, `diagnostics[${i}].severity`);
    for (const key of ['code', 'message'] as const) {
      if (typeof d[key] !== 'string') fail(`diagnostics[${i}].${key} must be a string`);
    }
    for (const key of ['file', 'function'] as const) {
      if (d[key] !== undefined && typeof d[key] !== 'string') fail(`diagnostics[${i}].${key} must be a string when present`);
    }
    for (const key of ['line', 'column'] as const) {
      if (d[key] !== undefined && !(Number.isInteger(d[key]) && (d[key] as number) > 0)) fail(`diagnostics[${i}].${key} must be a positive integer when present`);
    }
  });
  const model = { version: 1, root: typeof value.root === 'string' ? value.root : '.', routes, diagnostics } as RouteModel;
  const next = value.next;
  if (isRecord(next) && typeof next.rules === 'string' && (next.installed === null || typeof next.installed === 'string')) {
    model.next = { installed: next.installed, rules: next.rules };
  }
  return model;

  function oneOf(got: unknown, allowed: readonly string[], where: string): void {
    if (typeof got !== 'string' || !allowed.includes(got)) {
      fail(`${where} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(got) ?? 'nothing'}`);
    }
  }
}

const ORIGINS = ['next-pages', 'next-app', 'zfb'] as const;
const UNMATCHED = ['not-found', 'blocking', 'fallback'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
