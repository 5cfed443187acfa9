import path from 'node:path';
import { runInHost, type HostOptions } from '../load/host.js';
import { assertDirectory, ProjectError } from './project-error.js';
import type { Project } from './types.js';

/**
 * What kind of project a directory is and what its configuration says, with its config evaluated in a host
 * process of its own (load/host.ts), as every run of user code is. Throws ProjectError for a directory that
 * is no project or a config that cannot be evaluated. Functions in the config (MDX plugins) do not come back;
 * `read.redirects` has the config's redirects() called and its rules sent back.
 */
export async function inspectProject(dir: string, options: HostOptions = {}, read: { redirects?: boolean } = {}): Promise<Project> {
  const root = path.resolve(dir);
  assertDirectory(dir);
  try {
    return JSON.parse((await runInHost('discover', root, read.redirects ? { ...options, payload: () => ({ redirects: true }) } : options)).text) as Project;
  } catch (error) {
    if (error instanceof Error && error.name === 'ProjectError') throw new ProjectError(error.message);
    throw error;
  }
}
