import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** A directory that is no project, or a config that cannot be read: the CLI turns it into exit code 2. */
export class ProjectError extends Error {
  override name = 'ProjectError';
}

/** A project is a directory: anything else is a usage error, said before any work starts. */
export function assertDirectory(dir: string): void {
  const root = path.resolve(dir);
  if (!existsSync(root)) throw new ProjectError(`${dir}: no such directory`);
  if (!statSync(root).isDirectory()) throw new ProjectError(`${dir}: not a directory`);
}
