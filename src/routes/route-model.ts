import path from 'node:path';
import { runInHost, type HostOptions } from '../load/host.js';
import type { TaskOutput } from '../load/host-protocol.js';
import type { RouteModel } from '../model/types.js';
import { assertDirectory, ProjectError } from '../project/project-error.js';

export type BuildModelOptions = HostOptions;

/**
 * The route model of one project directory. The project's code (its config, its pages' data functions)
 * runs in a host process of its own (load/host.ts), never in this one. Throws ProjectError only for a
 * directory that is no project; everything wrong inside the project is a diagnostic.
 */
export async function buildRouteModel(dir: string, options: BuildModelOptions = {}): Promise<RouteModel> {
  const root = path.resolve(dir);
  assertDirectory(dir);
  return JSON.parse((await hosted('route-model', root, options)).text) as RouteModel;
}

/**
 * The routes JSON contract's text for a project (what `routes --json` prints), made in the host, and how
 * many error diagnostics it holds: the model itself never has to cross between processes. With `print`,
 * the text goes to this process's stdout as the host writes it, and `text` is empty.
 */
export async function buildRoutesJson(dir: string, options: BuildModelOptions = {}): Promise<{ text: string; errors: number; printed: boolean }> {
  const root = path.resolve(dir);
  assertDirectory(dir);
  const { text, errors, printed } = await hosted('routes-json', root, options);
  return { text, errors, printed: printed !== undefined };
}

async function hosted(task: 'route-model' | 'routes-json', root: string, options: BuildModelOptions): Promise<TaskOutput> {
  try {
    return await runInHost(task, root, options);
  } catch (error) {
    if (error instanceof Error && error.name === 'ProjectError') throw new ProjectError(error.message);
    throw error;
  }
}

