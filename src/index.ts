/** The library API: everything the CLI does, callable from code. User code always runs in a host process of its own. */
export type * from './model/types.js';
export type { Project } from './project/types.js';
export { ProjectError } from './project/project-error.js';
export { inspectProject } from './project/inspect.js';
export { buildRouteModel, buildRoutesJson } from './routes/route-model.js';
export { toRoutesJson, parseRoutesJson, RoutesJsonError, ROUTES_JSON_VERSION } from './routes/routes-json.js';
