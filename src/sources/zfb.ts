import type { ModuleSession } from '../load/load-modules.js';
import type { Segment } from '../model/types.js';
import type { Project } from '../project/types.js';
import type { SourceResult } from './contract.js';

/** A zfb project's pages/ into routes (zfb 0.1.0-next.89 semantics). */
export async function zfbSource(project: Project, session: ModuleSession): Promise<SourceResult> {
  void project;
  void session;
  return { routes: [], diagnostics: [] };
}

/** One zfb `paths()` page that lives in a Next.js pages/ dir (mixed tree), already loaded. */
export async function zfbRouteFromModule(args: {
  project: Project;
  session: ModuleSession;
  file: string;
  relative: string;
  segments: Segment[];
  module: Record<string, unknown>;
}): Promise<SourceResult> {
  void args;
  return { routes: [], diagnostics: [] };
}
