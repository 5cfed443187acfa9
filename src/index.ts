/** The library API: everything the CLI does, callable from code. */
export type * from './model/types.js';
export type { Project } from './project/types.js';
export { discoverProject, ProjectError } from './project/discover.js';
export { buildRouteModel } from './routes/build-model.js';
export { toRoutesJson, parseRoutesJson, RoutesJsonError, ROUTES_JSON_VERSION } from './routes/routes-json.js';
