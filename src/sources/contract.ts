import type { Loaded, ModuleSession } from '../load/load-modules.js';
import type { Project } from '../project/types.js';
import type { Diagnostic, Route } from '../model/types.js';

/**
 * What the route-model builder hands each front-end, and what it gets back. Front-ends never throw for bad
 * user input: they return diagnostics (file, function, offending value) and the routes they could still
 * build, so one broken page never hides the others.
 */
export interface SourceContext {
  project: Project;
  /** Runs user code with cwd = project root; keep calls to loaded functions inside `session.run`. */
  session: ModuleSession;
  /** Absolute file path → loaded module (only the files the front-end asked for). */
  modules: ReadonlyMap<string, Loaded>;
}

export interface SourceResult {
  routes: Route[];
  diagnostics: Diagnostic[];
}

/** Project-relative, forward-slash path, as every file name in the model is written. */
export type RelativeFile = string;
