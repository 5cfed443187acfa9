import type { Diagnostic, Entry, Provider, Route, RouteModel } from '../model/types.js';

/**
 * The routes JSON contract (README "Routes JSON"). Every object is rebuilt with its keys in one fixed
 * order and undefined fields left out, so two runs over the same project are byte-identical whatever
 * order the front-ends filled them in.
 */
export function toRoutesJson(model: RouteModel): string {
  const ordered = {
    version: model.version,
    root: model.root,
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
  return Object.fromEntries(Object.keys(params).sort().map((k) => [k, params[k]]));
}

/** Reads routes JSON back, rejecting what this version cannot understand. */
export function parseRoutesJson(text: string, source: string): RouteModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  const model = value as Partial<RouteModel> | null;
  if (!model || typeof model !== 'object' || !Array.isArray(model.routes)) {
    throw new Error(`${source}: not a zfb-next routes file (no "routes" array)`);
  }
  if (model.version !== 1) {
    throw new Error(`${source}: routes file version ${JSON.stringify(model.version)} is not supported (this zfb-next reads version 1)`);
  }
  return { version: 1, root: model.root ?? '.', routes: model.routes, diagnostics: model.diagnostics ?? [] };
}
